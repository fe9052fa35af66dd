package org.fga.datasets.synthetic;

/**
 * A small, fast, splittable generator (SplitMix64). Every image gets its own instance seeded from
 * (seed, split, index), which is what makes {@code get(i)} independent of every other image.
 */
final class Rng {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private long state;

  Rng(long seed) {
    this.state = seed;
  }

  /** A well-mixed seed for one (seed, stream, index) triple; streams keep purposes apart. */
  static long seedOf(long seed, long stream, long index) {
    long h = mix(seed ^ GOLDEN);
    h = mix(h ^ (stream * 0xC2B2AE3D27D4EB4FL));
    return mix(h ^ (index * 0x165667B19E3779F9L));
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  long nextLong() {
    state += GOLDEN;
    return mix(state);
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
