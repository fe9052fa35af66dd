/** Small building blocks the methods share: losses, pooling, CAM, child initialisation. */
package org.fga.core.nn;
