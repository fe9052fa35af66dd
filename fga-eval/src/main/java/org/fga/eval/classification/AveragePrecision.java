package org.fga.eval.classification;

import java.util.Arrays;
import org.fga.core.error.FgaUserException;

/**
 * Average precision of one class from scores and binary relevance.
 *
 * <p>The precision-recall curve has one point per distinct score (all samples with an equal score
 * enter together, as in {@code sklearn.metrics.precision_recall_curve}): at score s, TP and FP
 * count the positives and negatives with score ≥ s. {@link #of} is the non-interpolated area
 * {@code Σ (R_i − R_{i−1}) · P_i} with R_0 = 0 ({@code sklearn.metrics.average_precision_score});
 * {@link #voc07} is the PASCAL VOC 2007 11-point interpolated AP over the same points: the mean,
 * over t ∈ {0, 0.1, …, 1}, of the highest precision at recall ≥ t (0 if none).
 */
public final class AveragePrecision {
  private AveragePrecision() {}

  /** The curve: recall and precision at each distinct score, from the highest score down. */
  record Curve(double[] recall, double[] precision) {}

  /** Number of positives, the AP's denominator; AP is undefined (NaN) when it is 0. */
  public static int positives(boolean[] relevant) {
    int p = 0;
    for (boolean r : relevant) {
      if (r) {
        p++;
      }
    }
    return p;
  }

  static Curve curve(double[] scores, boolean[] relevant) {
    int n = scores.length;
    if (relevant.length != n) {
      throw new FgaUserException("scores have " + n + " samples but targets have " + relevant.length);
    }
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(scores[i])) {
        throw new FgaUserException("score of sample " + i + " is NaN");
      }
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[b] + 0.0, scores[a] + 0.0));
    int total = positives(relevant);
    double[] rec = new double[n];
    double[] prec = new double[n];
    int points = 0;
    int tp = 0;
    int fp = 0;
    for (int i = 0; i < n; i++) {
      int s = order[i];
      if (relevant[s]) {
        tp++;
      } else {
        fp++;
      }
      boolean lastOfTie = i == n - 1 || scores[order[i + 1]] != scores[s];
      if (lastOfTie) {
        rec[points] = total == 0 ? Double.NaN : (double) tp / total;
        prec[points] = (double) tp / (tp + fp);
        points++;
      }
    }
    return new Curve(Arrays.copyOf(rec, points), Arrays.copyOf(prec, points));
  }

  /** Non-interpolated AP, or NaN when there is no positive. */
  public static double of(double[] scores, boolean[] relevant) {
    if (positives(relevant) == 0) {
      return Double.NaN;
    }
    Curve c = curve(scores, relevant);
    double ap = 0;
    double prevRecall = 0;
    for (int i = 0; i < c.recall.length; i++) {
      ap += (c.recall[i] - prevRecall) * c.precision[i];
      prevRecall = c.recall[i];
    }
    return ap;
  }

  /** VOC07 11-point interpolated AP, or NaN when there is no positive. */
  public static double voc07(double[] scores, boolean[] relevant) {
    if (positives(relevant) == 0) {
      return Double.NaN;
    }
    Curve c = curve(scores, relevant);
    double ap = 0;
    for (int k = 0; k <= 10; k++) {
      double t = k * 0.1; // the values of np.arange(0, 1.1, 0.1)
      double best = 0;
      for (int i = 0; i < c.recall.length; i++) {
        if (c.recall[i] >= t && c.precision[i] > best) {
          best = c.precision[i];
        }
      }
      ap += best;
    }
    return ap / 11;
  }
}
