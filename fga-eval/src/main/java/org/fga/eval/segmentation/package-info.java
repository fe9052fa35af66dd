/** Semantic segmentation: one confusion matrix over all pixels, mIoU, pixel and mean accuracy. */
package org.fga.eval.segmentation;
