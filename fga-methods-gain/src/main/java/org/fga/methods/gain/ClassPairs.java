package org.fga.methods.gain;

import java.util.ArrayList;
import java.util.List;

/**
 * The (image, ground-truth class) pairs of a batch, grouped in slots: slot k holds the k-th
 * ground-truth class of every image that has at least k + 1. One Grad-CAM backward per slot gives
 * every pair its own map (a single-label batch has one full slot). Pairs are listed slot by slot.
 *
 * @param slotImages per slot, the batch rows in it
 * @param slotClasses per slot, their classes
 * @param weights per pair, {@code 1/(n_i·B')} with B' the images that have a class, so that the
 *     weighted sum is the batch mean of per-image means over ground-truth classes
 */
record ClassPairs(List<int[]> slotImages, List<long[]> slotClasses, float[] weights) {

  static ClassPairs singleLabel(long[] labels) {
    int b = labels.length;
    int[] rows = new int[b];
    float[] w = new float[b];
    for (int i = 0; i < b; i++) {
      rows[i] = i;
      w[i] = 1f / b;
    }
    return new ClassPairs(List.of(rows), List.of(labels.clone()), w);
  }

  /** From B×K multi-hot targets (row-major). */
  static ClassPairs multiLabel(float[] targets, int b, int k) {
    List<List<Integer>> classes = new ArrayList<>();
    int withClass = 0;
    int maxN = 0;
    for (int i = 0; i < b; i++) {
      List<Integer> cs = new ArrayList<>();
      for (int c = 0; c < k; c++) {
        if (targets[i * k + c] > 0.5f) {
          cs.add(c);
        }
      }
      classes.add(cs);
      withClass += cs.isEmpty() ? 0 : 1;
      maxN = Math.max(maxN, cs.size());
    }
    List<int[]> slotImages = new ArrayList<>();
    List<long[]> slotClasses = new ArrayList<>();
    List<Float> weights = new ArrayList<>();
    for (int slot = 0; slot < maxN; slot++) {
      List<Integer> rows = new ArrayList<>();
      for (int i = 0; i < b; i++) {
        if (classes.get(i).size() > slot) {
          rows.add(i);
        }
      }
      int[] r = rows.stream().mapToInt(Integer::intValue).toArray();
      long[] c = new long[r.length];
      for (int j = 0; j < r.length; j++) {
        c[j] = classes.get(r[j]).get(slot);
        weights.add(1f / (classes.get(r[j]).size() * (float) withClass));
      }
      slotImages.add(r);
      slotClasses.add(c);
    }
    float[] w = new float[weights.size()];
    for (int j = 0; j < w.length; j++) {
      w[j] = weights.get(j);
    }
    return new ClassPairs(slotImages, slotClasses, w);
  }

  int size() {
    return weights.length;
  }

  /** The batch row of every pair, in pair order. */
  long[] pairImages() {
    return slotImages.stream().flatMapToLong(rows -> java.util.Arrays.stream(rows).asLongStream()).toArray();
  }

  /** The class of every pair, in pair order. */
  long[] pairClasses() {
    return slotClasses.stream().flatMapToLong(java.util.Arrays::stream).toArray();
  }
}
