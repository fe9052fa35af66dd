package org.fga.eval.plugin;

import org.fga.core.error.FgaUserException;
import org.fga.core.metric.EvalOutputs;

/** Checks and conversions shared by the metric plugins. */
final class Outputs {
  private Outputs() {}

  /** Fails naming the metric and the missing field when the evaluator did not collect it. */
  static <T> T require(T value, String metric, String field) {
    if (value == null) {
      throw new FgaUserException(metric + ": the evaluation outputs have no '" + field + "'");
    }
    return value;
  }

  static double[] toDoubles(float[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i];
    }
    return out;
  }

  static double[][] toDoubles(float[][] v) {
    double[][] out = new double[v.length][];
    for (int i = 0; i < v.length; i++) {
      out[i] = toDoubles(v[i]);
    }
    return out;
  }

  /** Per sample: is the top-1 class (first maximum) the label? Null without logits. */
  static boolean[] top1Right(EvalOutputs o) {
    if (o.logits() == null || o.labels() == null) {
      return null;
    }
    boolean[] right = new boolean[o.size()];
    for (int i = 0; i < right.length; i++) {
      right[i] = org.fga.eval.classification.Accuracy.argmax(toDoubles(o.logits()[i])) == o.labels()[i];
    }
    return right;
  }
}
