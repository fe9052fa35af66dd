package org.fga.core.data.sampling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.fga.core.data.FgaDataset;

/**
 * P×K batches for metric learning (triplet loss): every batch holds P different identities with K
 * images each. Per epoch each identity's images are shuffled and cut into groups of K (an identity
 * with fewer than K images is topped up by repeating its images at random); batches then draw P
 * identities that still have groups left, as torchreid's RandomIdentitySampler does. The order
 * depends only on (seed, epoch), so a resumed run replays it.
 *
 * <p>How many batches one such pass yields depends on the shuffle (it stops when fewer than P
 * identities have groups left), but the trainer needs the same number every epoch: {@link
 * #epoch} therefore always returns {@link #batchesPerEpoch()} batches, topping a short pass up
 * from a second one and cutting a long one.
 */
public final class IdentitySampler {
  private final Map<Integer, int[]> byIdentity;
  private final int p;
  private final int k;

  /**
   * @param labels the identity label of every dataset index
   * @param p identities per batch
   * @param k images per identity in a batch
   */
  public IdentitySampler(int[] labels, int p, int k) {
    if (p < 1 || k < 1) {
      throw new IllegalArgumentException("P and K must be positive, got P=" + p + ", K=" + k);
    }
    Map<Integer, List<Integer>> groups = new TreeMap<>();
    for (int i = 0; i < labels.length; i++) {
      groups.computeIfAbsent(labels[i], x -> new ArrayList<>()).add(i);
    }
    if (groups.size() < p) {
      throw new IllegalArgumentException(
          "P×K sampling needs at least P=" + p + " identities, the data has " + groups.size());
    }
    Map<Integer, int[]> m = new TreeMap<>();
    groups.forEach((id, list) -> m.put(id, list.stream().mapToInt(Integer::intValue).toArray()));
    this.byIdentity = m;
    this.p = p;
    this.k = k;
  }

  /** The labels of a dataset, without decoding images when the dataset lists them. */
  public static int[] labelsOf(FgaDataset ds) {
    int[] out = new int[ds.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ds.label(i);
    }
    return out;
  }

  public int batchSize() {
    return p * k;
  }

  /** Batches in every epoch: the groups of K over all identities, P to a batch (at least 1). */
  public int batchesPerEpoch() {
    int groups = 0;
    for (int[] images : byIdentity.values()) {
      groups += Math.max(1, images.length / k);
    }
    return Math.max(1, groups / p);
  }

  /** The dataset indices of one epoch, batch after batch: {@link #batchesPerEpoch()} × P×K. */
  public int[] epoch(long seed, int epoch) {
    Random rnd = new Random(seed * 0x9E3779B97F4A7C15L + epoch);
    int length = batchesPerEpoch() * p * k;
    List<Integer> order = new ArrayList<>(length);
    while (order.size() < length) {
      pass(rnd, order);
    }
    return order.stream().limit(length).mapToInt(Integer::intValue).toArray();
  }

  /** One pass of torchreid's sampler: adds P×K batches until fewer than P identities are left. */
  private void pass(Random rnd, List<Integer> order) {
    Map<Integer, List<int[]>> chunks = new TreeMap<>();
    for (Map.Entry<Integer, int[]> e : byIdentity.entrySet()) {
      List<Integer> idx = new ArrayList<>();
      for (int i : e.getValue()) {
        idx.add(i);
      }
      Collections.shuffle(idx, rnd);
      while (idx.size() < k) {
        idx.add(e.getValue()[rnd.nextInt(e.getValue().length)]);
      }
      List<int[]> list = new ArrayList<>();
      for (int s = 0; s + k <= idx.size(); s += k) {
        int[] c = new int[k];
        for (int j = 0; j < k; j++) {
          c[j] = idx.get(s + j);
        }
        list.add(c);
      }
      chunks.put(e.getKey(), list);
    }
    List<Integer> available = new ArrayList<>(chunks.keySet());
    while (available.size() >= p) {
      Collections.shuffle(available, rnd);
      List<Integer> chosen = new ArrayList<>(available.subList(0, p));
      for (int id : chosen) {
        List<int[]> list = chunks.get(id);
        for (int i : list.remove(list.size() - 1)) {
          order.add(i);
        }
        if (list.isEmpty()) {
          available.remove(Integer.valueOf(id));
        }
      }
    }
  }
}
