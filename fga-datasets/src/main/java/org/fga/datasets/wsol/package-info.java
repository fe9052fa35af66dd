/**
 * Splits read from a wsolevaluation metadata folder (Choe et al., "Evaluating Weakly Supervised
 * Object Localization Methods Right", CVPR 2020): the exact image lists, labels and boxes of the
 * WSOL protocol's {@code train}, {@code val} (train-fullsup) and {@code test} splits, which the
 * {@code cub} and {@code imagefolder} readers take in place of their own splits.
 */
package org.fga.datasets.wsol;
