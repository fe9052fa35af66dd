/**
 * CUB-200-2011 (Caltech-UCSD Birds) in its released layout, with its part locations and the
 * separate segmentations.
 */
package org.fga.datasets.cub;
