package org.fga.core.data.pipeline.steps;

import java.util.List;
import org.fga.core.data.pipeline.Range;
import org.fga.core.error.InvalidOptionException;

/** Option checks shared by the step records; each names the key it rejects. */
final class Checks {
  private Checks() {}

  static double probability(Double p, double fallback) {
    double v = p == null ? fallback : p;
    if (!(v >= 0 && v <= 1)) {
      throw new InvalidOptionException("p", "must be in [0, 1], got " + InvalidOptionException.show(v));
    }
    return v;
  }

  static double nonNegative(String key, Double x, double fallback) {
    double v = x == null ? fallback : x;
    if (!(v >= 0)) {
      throw new InvalidOptionException(key, "must be >= 0, got " + InvalidOptionException.show(v));
    }
    return v;
  }

  static Range within(String key, Range r, Range fallback, double lo, double hi) {
    Range v = r == null ? fallback : r;
    if (v.min() < lo || v.max() > hi || (lo == 0 && v.min() <= 0)) {
      throw new InvalidOptionException(
          key,
          "must lie in " + (lo == 0 ? "(0" : "[" + InvalidOptionException.show(lo)) + ", "
              + InvalidOptionException.show(hi) + "], got " + v.asList());
    }
    return v;
  }

  /** A fill colour in [0, 1]: one value for every channel or one per channel. */
  static List<Double> colour(String key, List<Double> fill) {
    List<Double> v = fill == null || fill.isEmpty() ? List.of(0.0) : List.copyOf(fill);
    if (v.size() != 1 && v.size() != 3) {
      throw new InvalidOptionException(key, "must be one value or [R, G, B] in [0, 1], got " + v);
    }
    for (double c : v) {
      if (!(c >= 0 && c <= 1)) {
        throw new InvalidOptionException(key, "values must be in [0, 1] (pixel values scaled to 1), got " + v);
      }
    }
    return v;
  }

  static float[] floats(List<Double> v) {
    float[] out = new float[v.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = v.get(i).floatValue();
    }
    return out;
  }
}
