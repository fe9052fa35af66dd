/**
 * Coarse2Fine (Eshratifar, Eigen, Gormish, Pedram, arXiv 1909.02680): an attention network trained
 * in two stages; the second learns an inverse mapping from the attention maps to a region of the
 * raw image, zooms into it with differentiable bilinear sampling and classifies the zoom, so the
 * fine classifier's loss guides the attention. See the module README for every equation.
 */
package org.fga.methods.coarse2fine;
