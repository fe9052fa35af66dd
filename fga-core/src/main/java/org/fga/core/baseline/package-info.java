/** The {@code baseline} method: backbone → GAP → linear, with its CAM as the attention map. */
package org.fga.core.baseline;
