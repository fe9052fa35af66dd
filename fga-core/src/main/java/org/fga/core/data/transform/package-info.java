/** Data pipeline steps on samples: resizing, cropping, flipping, colour jitter, erasing. */
package org.fga.core.data.transform;
