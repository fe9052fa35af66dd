package org.fga.methods.ssl;

import ai.djl.ndarray.NDArray;

/**
 * LCR's pieces of one training step.
 *
 * @param gradCam B×h×w Grad-CAM of the SSL loss (differentiable through the features)
 * @param attention B×h×w branch map
 * @param fit weighted fitting loss
 * @param reconnect zero-valued term that carries the SSL loss's gradient into the backbone
 */
record RationaleTerms(NDArray gradCam, NDArray attention, NDArray fit, NDArray reconnect) {}
