package org.fga.datasets;

/**
 * SplitMix64, the generator behind every image fga draws on demand (the synthetic generator and
 * the cluttered Fashion-MNIST canvases): each image gets its own instance seeded from (seed,
 * stream, index), so image {@code i} never depends on which other images were drawn, or in which
 * thread. Subclasses add the draws their data needs; the sequence of longs is shared.
 */
public class SplitMix64 {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private long state;

  protected SplitMix64(long seed) {
    this.state = seed;
  }

  /** A well-mixed seed for one (seed, stream, index) triple; streams keep purposes apart. */
  public static long seedOf(long seed, long stream, long index) {
    long h = mix(seed ^ GOLDEN);
    h = mix(h ^ (stream * 0xC2B2AE3D27D4EB4FL));
    return mix(h ^ (index * 0x165667B19E3779F9L));
  }

  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  public long nextLong() {
    state += GOLDEN;
    return mix(state);
  }
}
