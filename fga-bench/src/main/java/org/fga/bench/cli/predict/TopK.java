package org.fga.bench.cli.predict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** The k best classes of one image by softmax probability. */
record TopK(List<Entry> entries) {
  /** One class and its probability. */
  record Entry(int classIndex, double score) {}

  static TopK of(float[] logits, int k) {
    double max = Double.NEGATIVE_INFINITY;
    for (float v : logits) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] p = new double[logits.length];
    for (int i = 0; i < logits.length; i++) {
      p[i] = Math.exp(logits[i] - max); // shifted for stability
      sum += p[i];
    }
    final double total = sum;
    List<Entry> best =
        IntStream.range(0, logits.length)
            .boxed()
            .sorted(Comparator.comparingDouble((Integer i) -> -p[i]).thenComparingInt(i -> i))
            .limit(k)
            .map(i -> new Entry(i, p[i] / total))
            .toList();
    return new TopK(new ArrayList<>(best));
  }
}
