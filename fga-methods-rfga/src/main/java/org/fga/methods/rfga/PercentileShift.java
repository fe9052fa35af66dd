package org.fga.methods.rfga;

import java.util.Arrays;

/**
 * MoANA's score-map normalisation ({@code normalize_scoremap}, {@code Localization/heatmaps.py:23-40}):
 * {@code cam -= percentile(cam, q); cam /= max(cam); clip(cam, 0, 1)}. Unlike min–max it sets the
 * lowest q % of the pixels to zero, so a threshold τ on the result keeps only pixels above the
 * q-th percentile whatever τ is.
 */
public final class PercentileShift {
  private PercentileShift() {}

  /**
   * The normalised copy of {@code map}. A constant map or one holding NaN gives zeros (as the
   * reference); so does a map whose maximum equals its q-th percentile, where the reference would
   * divide by zero.
   */
  public static float[] normalize(float[] map, double q) {
    float[] out = new float[map.length];
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (float v : map) {
      if (Float.isNaN(v)) {
        return out;
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (min == max) {
      return out;
    }
    double p = percentile(map, q);
    double top = max - p;
    if (!(top > 0)) {
      return out;
    }
    for (int i = 0; i < map.length; i++) {
      double v = (map[i] - p) / top;
      out[i] = (float) Math.min(1, Math.max(0, v));
    }
    return out;
  }

  /** numpy's default ({@code method='linear'}) percentile: interpolates at rank q/100·(n − 1). */
  static double percentile(float[] values, double q) {
    float[] sorted = values.clone();
    Arrays.sort(sorted);
    double rank = q / 100 * (sorted.length - 1);
    int lo = (int) Math.floor(rank);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (rank - lo) * ((double) sorted[hi] - sorted[lo]);
  }
}
