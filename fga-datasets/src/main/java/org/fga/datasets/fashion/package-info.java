/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf 2017: 60,000 + 10,000 Zalando product photos, 28x28
 * grey, ten classes) read from its IDX files, plain or as cluttered canvases after the cluttered
 * MNIST of Mnih et al. 2014 and Jaderberg et al. 2015: real garments, small in a large canvas, among
 * patches cut from other garments of the same split. Ground truth comes from the garment's own
 * pixels (tight box, mask above a stated threshold), its coarse parent, and for re-ID the source
 * garment as identity.
 *
 * <p>One self-contained package plus its line in {@code datasets.builtin.DatasetsModule}.
 */
package org.fga.datasets.fashion;
