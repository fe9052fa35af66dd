package org.fga.datasets.fashion;

/**
 * SplitMix64: every canvas gets its own generator seeded from (seed, stream, index), so image
 * {@code i} of a split never depends on which other images were drawn, or in which thread.
 */
final class SplitMix {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private long state;

  SplitMix(long seed) {
    this.state = seed;
  }

  /** A generator for one (seed, stream, index) triple; streams keep purposes apart. */
  static SplitMix of(long seed, long stream, long index) {
    long h = mix(seed ^ GOLDEN);
    h = mix(h ^ (stream * 0xC2B2AE3D27D4EB4FL));
    return new SplitMix(mix(h ^ (index * 0x165667B19E3779F9L)));
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
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, bound). */
  int nextInt(int bound) {
    return (int) Long.remainderUnsigned(nextLong(), bound);
  }

  /** Uniform in [lo, hi], both ends included. */
  int between(int lo, int hi) {
    return lo + nextInt(hi - lo + 1);
  }

  /** {@code a} shuffled in place (Fisher-Yates). */
  int[] shuffle(int[] a) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }
}
