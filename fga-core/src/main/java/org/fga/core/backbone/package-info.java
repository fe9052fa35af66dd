/** The backbone contract every method builds on: a block that returns its stage outputs. */
package org.fga.core.backbone;
