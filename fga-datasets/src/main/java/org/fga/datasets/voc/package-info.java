/**
 * PASCAL VOC 2012 classification (multi-label) and segmentation, with the SBD-augmented train set
 * ({@link org.fga.datasets.voc.VocLists}); multi-label samples can also carry their
 * segmentation masks ({@code data.masks}, {@link org.fga.datasets.voc.VocMasks}).
 */
package org.fga.datasets.voc;
