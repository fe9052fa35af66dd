package org.fga.eval.classification;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fga.core.error.FgaUserException;

/**
 * Top-k accuracy and mean-class (top-1) accuracy, accumulated one sample at a time.
 *
 * <p>Ties are broken by class index: the classes are ranked by score, descending, and among equal
 * scores the lower class index ranks first (numpy's stable {@code argsort(-scores)}). So top-1 is
 * {@code argmax} with the first maximum, as {@code np.argmax} and {@code torch.argmax} give. A
 * sample is top-k correct if its label's rank is below k. Mean-class accuracy is the mean, over
 * classes that have at least one sample, of the per-class top-1 accuracy.
 */
public final class Accuracy {
  private final int numClasses;
  private final int[] ks;
  private final long[] hitsAtK;
  private final long[] samplesPerClass;
  private final long[] top1HitsPerClass;
  private long samples;

  /** @param ks the k of each top-k accuracy, each in [1, numClasses] */
  public Accuracy(int numClasses, int... ks) {
    if (numClasses < 1) {
      throw new FgaUserException("need at least one class, got " + numClasses);
    }
    for (int k : ks) {
      if (k < 1 || k > numClasses) {
        throw new FgaUserException("top-k: k=" + k + " is not in [1, " + numClasses + "] (number of classes)");
      }
    }
    this.numClasses = numClasses;
    this.ks = ks.clone();
    this.hitsAtK = new long[ks.length];
    this.samplesPerClass = new long[numClasses];
    this.top1HitsPerClass = new long[numClasses];
  }

  /** Adds one sample: its class scores and its true label. */
  public Accuracy add(double[] scores, int label) {
    if (scores.length != numClasses) {
      throw new FgaUserException("scores have " + scores.length + " classes, expected " + numClasses);
    }
    if (label < 0 || label >= numClasses) {
      throw new FgaUserException("label " + label + " is not a class in [0, " + numClasses + ")");
    }
    int rank = rankOf(scores, label);
    for (int i = 0; i < ks.length; i++) {
      if (rank < ks[i]) {
        hitsAtK[i]++;
      }
    }
    samplesPerClass[label]++;
    if (rank == 0) {
      top1HitsPerClass[label]++;
    }
    samples++;
    return this;
  }

  /** The 0-based rank of class {@code c}: higher scores first, ties to the lower index. */
  public static int rankOf(double[] scores, int c) {
    double s = scores[c];
    if (Double.isNaN(s)) {
      throw new FgaUserException("score of class " + c + " is NaN");
    }
    int rank = 0;
    for (int j = 0; j < scores.length; j++) {
      if (scores[j] > s || (scores[j] == s && j < c)) {
        rank++;
      }
    }
    return rank;
  }

  /** The index of the highest score, the first one among ties. */
  public static int argmax(double[] scores) {
    int best = 0;
    for (int j = 1; j < scores.length; j++) {
      if (scores[j] > scores[best]) {
        best = j;
      }
    }
    return best;
  }

  public long samples() {
    return samples;
  }

  /** Top-k accuracy for the i-th requested k. */
  public double topK(int i) {
    return samples == 0 ? Double.NaN : (double) hitsAtK[i] / samples;
  }

  public double meanClassAccuracy() {
    double sum = 0;
    int n = 0;
    for (int c = 0; c < numClasses; c++) {
      if (samplesPerClass[c] > 0) {
        sum += (double) top1HitsPerClass[c] / samplesPerClass[c];
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** {@code {"top1": .., "top5": .., "meanClassAccuracy": ..}} with one top key per requested k. */
  public Map<String, Object> toMap() {
    if (samples == 0) {
      throw new FgaUserException("accuracy: no samples");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < ks.length; i++) {
      out.put("top" + ks[i], topK(i));
    }
    out.put("meanClassAccuracy", meanClassAccuracy());
    return out;
  }
}
