package org.fga.datasets.fashion;

/**
 * SplitMix64: every canvas gets its own generator seeded from (seed, stream, index), so image
 * {@code i} of a split never depends on which other images were drawn, or in which thread.
 */
final class SplitMix extends org.fga.datasets.SplitMix64 {
  SplitMix(long seed) {
    super(seed);
  }

  /** A generator for one (seed, stream, index) triple; streams keep purposes apart. */
  static SplitMix of(long seed, long stream, long index) {
    return new SplitMix(seedOf(seed, stream, index));
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
