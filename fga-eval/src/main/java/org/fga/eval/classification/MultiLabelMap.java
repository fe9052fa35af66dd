package org.fga.eval.classification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fga.core.error.FgaUserException;

/**
 * Multi-label mean average precision: per-class AP over all accumulated samples ({@link
 * AveragePrecision}), averaged over the classes that have at least one positive. Classes without a
 * positive have no AP ({@code null} in {@code apPerClass}) and are left out of the mean.
 */
public final class MultiLabelMap {
  private final int numClasses;
  private final boolean voc07;
  private double[] scores = new double[0];
  private boolean[] targets = new boolean[0];
  private int samples;

  public MultiLabelMap(int numClasses, boolean voc07) {
    this.numClasses = numClasses;
    this.voc07 = voc07;
  }

  /** Adds one sample: its class scores and its 0/1 targets. */
  public MultiLabelMap add(double[] sampleScores, boolean[] sampleTargets) {
    if (sampleScores.length != numClasses || sampleTargets.length != numClasses) {
      throw new FgaUserException(
          String.format("sample %d: %d scores and %d targets, expected %d classes",
              samples, sampleScores.length, sampleTargets.length, numClasses));
    }
    if ((samples + 1) * numClasses > scores.length) {
      int cap = Math.max(16, samples * 2) * numClasses;
      scores = Arrays.copyOf(scores, cap);
      targets = Arrays.copyOf(targets, cap);
    }
    System.arraycopy(sampleScores, 0, scores, samples * numClasses, numClasses);
    System.arraycopy(sampleTargets, 0, targets, samples * numClasses, numClasses);
    samples++;
    return this;
  }

  /** AP of each class; NaN for a class with no positive. */
  public double[] apPerClass() {
    double[] ap = new double[numClasses];
    double[] s = new double[samples];
    boolean[] t = new boolean[samples];
    for (int c = 0; c < numClasses; c++) {
      for (int i = 0; i < samples; i++) {
        s[i] = scores[i * numClasses + c];
        t[i] = targets[i * numClasses + c];
      }
      ap[c] = voc07 ? AveragePrecision.voc07(s, t) : AveragePrecision.of(s, t);
    }
    return ap;
  }

  /** Mean over classes with a positive; NaN if no class has one. */
  public static double nanMean(double[] values) {
    double sum = 0;
    int n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** {@code {"mAP": .., "apPerClass": [..]}}, null for classes without positives. */
  public Map<String, Object> toMap() {
    if (samples == 0) {
      throw new FgaUserException("multilabel-map: no samples");
    }
    double[] ap = apPerClass();
    double mean = nanMean(ap);
    if (Double.isNaN(mean)) {
      throw new FgaUserException("multilabel-map: no class has a positive sample");
    }
    List<Double> per = new ArrayList<>(numClasses);
    for (double v : ap) {
      per.add(Double.isNaN(v) ? null : v);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("mAP", mean);
    out.put("apPerClass", per);
    return out;
  }
}
