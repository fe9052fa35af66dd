package org.fga.datasets.synthetic;

/**
 * A small, fast, splittable generator (SplitMix64). Every image gets its own instance seeded from
 * (seed, split, index), which is what makes {@code get(i)} independent of every other image.
 */
final class Rng extends org.fga.datasets.SplitMix64 {
  Rng(long seed) {
    super(seed);
  }

  /** Uniform in [0, 1). */
  float nextFloat() {
    return (nextLong() >>> 40) * 0x1.0p-24f;
  }

  /** Uniform in [lo, hi). */
  float uniform(float lo, float hi) {
    return lo + (hi - lo) * nextFloat();
  }

  /** Uniform in [0, bound). */
  int nextInt(int bound) {
    return (int) (((nextLong() >>> 33) * bound) >>> 31);
  }

  boolean chance(double p) {
    return nextFloat() < p;
  }
}
