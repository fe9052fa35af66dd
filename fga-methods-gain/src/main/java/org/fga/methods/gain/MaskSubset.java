package org.fga.methods.gain;

import java.util.Set;

/**
 * Which training images feed GAINext's external stream: those listed, plus a fraction chosen by a
 * hash of the dataset index (the same images in every epoch, run and seed). Only images that carry
 * a mask or boxes count, so with VOC "fraction 1" means every pixel-labelled image.
 */
public final class MaskSubset {
  private final double fraction;
  private final Set<Integer> indices;

  public MaskSubset(double fraction, Set<Integer> indices) {
    this.fraction = fraction;
    this.indices = Set.copyOf(indices);
  }

  public boolean contains(int datasetIndex) {
    return indices.contains(datasetIndex) || unit(datasetIndex) < fraction;
  }

  /** A uniform number in [0, 1) from the index (SplitMix64 finaliser). */
  static double unit(int index) {
    long z = (index + 1L) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }
}
