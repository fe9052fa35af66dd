package org.fga.eval.plugin;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.fga.core.error.InvalidOptionException;
import org.fga.eval.reid.FeatureDistance;

/** Checks shared by the metric config records; each failure names the option's key. */
final class OptionChecks {
  /** {@link org.fga.eval.wsol.ThresholdGrid} refuses more thresholds than this. */
  private static final double FINEST_STEP = 1e-5;

  private OptionChecks() {}

  /** A threshold-sweep step: in (0, 1) and not finer than the grid allows. */
  static double thresholdStep(String key, double step) {
    if (!(step > 0 && step < 1)) {
      throw new InvalidOptionException(key, "must be in (0, 1), got " + InvalidOptionException.show(step));
    }
    if (step < FINEST_STEP) {
      throw new InvalidOptionException(
          key, "must be at least " + InvalidOptionException.show(FINEST_STEP) + " (at most 100000 thresholds), got "
              + InvalidOptionException.show(step));
    }
    return step;
  }

  /** A non-empty list of distinct integers in [min, max]. */
  static List<Integer> distinctInts(String key, List<Integer> values, int min, int max) {
    if (values.isEmpty()) {
      throw new InvalidOptionException(key, "must list at least one value");
    }
    for (Integer v : values) {
      if (v == null || v < min || v > max) {
        throw new InvalidOptionException(key, "values must be in [" + min + ", " + max + "], got " + v);
      }
    }
    if (new HashSet<>(values).size() != values.size()) {
      throw new InvalidOptionException(key, "lists a value twice: " + values);
    }
    return List.copyOf(values);
  }

  /** A feature distance name, lower case as written in experiment files. */
  static String distance(String key, String name) {
    for (FeatureDistance d : FeatureDistance.values()) {
      if (d.name().toLowerCase(Locale.ROOT).equals(name)) {
        return name;
      }
    }
    throw new InvalidOptionException(key, "must be euclidean or cosine, got '" + name + "'");
  }

  static FeatureDistance toDistance(String name) {
    return FeatureDistance.valueOf(name.toUpperCase(Locale.ROOT));
  }
}
