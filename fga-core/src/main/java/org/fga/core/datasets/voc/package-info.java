/**
 * PASCAL VOC 2012 classification (multi-label) and segmentation, with the SBD-augmented train set.
 */
package org.fga.core.datasets.voc;
