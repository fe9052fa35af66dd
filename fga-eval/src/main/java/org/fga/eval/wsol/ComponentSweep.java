package org.fga.eval.wsol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fga.core.data.Box;

/**
 * Box correctness of one normalised map at every threshold, in one pass.
 *
 * <p>As τ falls the mask only grows, so its 8-connected components only grow and merge. The
 * pixels are bucketed by the last threshold at which they are in the mask (a counting sort), then
 * added bucket by bucket from the highest τ down, with union-find joining each new pixel to its
 * mask neighbours (a pixel with such neighbours just hangs under their root). Each component keeps
 * its size, its inclusive bounding box and its first pixel in raster order. After each bucket the state is the mask at that τ:
 *
 * <ul>
 *   <li>V1 (largest component): the component with most pixels, ties to the one whose first pixel
 *       comes first in raster order; correct at δ if its box has IoU ≥ δ with some GT box;
 *   <li>V2 (all components): correct at δ if any component's box has IoU ≥ δ with some GT box,
 *       kept as a count of such components, updated only for components that changed.
 * </ul>
 *
 * <p>An empty mask has no box and is never correct. Cost: O(H·W·α) per map plus O(T) — versus one
 * labelling per threshold for the direct method. One instance per thread (it owns scratch arrays).
 */
final class ComponentSweep {
  // Component statistics, stored together per root (one cache line) since pixels of a bucket are
  // scattered over the image: comp[r * STRIDE + field].
  private static final int STRIDE = 8;
  private static final int SIZE = 0;
  private static final int MIN_X = 1;
  private static final int MIN_Y = 2;
  private static final int MAX_X = 3;
  private static final int MAX_Y = 4;
  /** Smallest pixel index (first in raster order): the V1 tie-break. */
  private static final int FIRST = 5;
  /** Bits of the δ at which this component's box is correct, counted in goodCount. */
  private static final int GOOD = 6;
  /** Last bucket in which this root was re-scored. */
  private static final int STAMP = 7;

  private final ThresholdGrid grid;
  private final double[] deltas;
  private int[] parent = new int[0];
  private int[] comp;
  private int[] order;
  private int[] bucket;
  private int[] touched;
  private final int[] bucketStart;
  private final int[] goodCount;
  private int stampNow;
  private int[] gt = new int[0];
  private int gtCount;

  /** @param deltas the IoU thresholds δ (fractions), at most 15 */
  ComponentSweep(ThresholdGrid grid, double[] deltas) {
    if (deltas.length > 15) {
      throw new IllegalArgumentException("at most 15 IoU thresholds");
    }
    this.grid = grid;
    this.deltas = deltas.clone();
    this.bucketStart = new int[grid.size() + 1];
    this.goodCount = new int[deltas.length];
  }

  /** Bit d of a flag word: V1 correct at δ_d. */
  static int v1Bit(int d) {
    return 1 << d;
  }

  /** Bit 16 + d of a flag word: V2 correct at δ_d. */
  static int v2Bit(int d) {
    return 1 << (16 + d);
  }

  private void ensure(int n) {
    if (parent.length >= n) {
      return;
    }
    parent = new int[n];
    comp = new int[STRIDE * n];
    order = new int[n];
    bucket = new int[n];
    touched = new int[n];
    stampNow = 0;
  }

  /**
   * Sweeps one map. {@code norm} holds the min-max normalised map, row-major; {@code flags[k]}
   * receives the V1/V2 bits at τ_k.
   */
  void sweep(double[] norm, int h, int w, List<Box> gtBoxes, int[] flags) {
    int n = h * w;
    ensure(n);
    setGt(gtBoxes);
    int t = grid.size();
    // Counting sort of the pixels by bucket (the last τ at which each is in the mask).
    Arrays.fill(bucketStart, 0);
    for (int p = 0; p < n; p++) {
      int b = grid.indexOf(norm[p]);
      bucket[p] = b;
      bucketStart[b + 1]++;
    }
    for (int k = 0; k < t; k++) {
      bucketStart[k + 1] += bucketStart[k];
    }
    // The scatter advances bucketStart[k] to the end of bucket k; shift back afterwards.
    for (int p = 0; p < n; p++) {
      order[bucketStart[bucket[p]]++] = p;
    }
    for (int k = t; k > 0; k--) {
      bucketStart[k] = bucketStart[k - 1];
    }
    bucketStart[0] = 0;

    Arrays.fill(parent, 0, n, -1);
    Arrays.fill(goodCount, 0);
    int[] c = comp;
    int best = -1;
    int current = 0;
    for (int k = t - 1; k >= 0; k--) {
      int from = bucketStart[k];
      int to = k + 1 < t ? bucketStart[k + 1] : n;
      if (from == to) {
        flags[k] = current;
        continue;
      }
      if (++stampNow == Integer.MAX_VALUE) {
        for (int i = STAMP; i < c.length; i += STRIDE) {
          c[i] = 0;
        }
        stampNow = 1;
      }
      int nt = 0;
      for (int i = from; i < to; i++) {
        touched[nt++] = addPixel(order[i], h, w);
      }
      if (best >= 0) {
        best = find(best);
      }
      for (int i = 0; i < nt; i++) {
        int r = find(touched[i]);
        int o = r * STRIDE;
        if (c[o + STAMP] == stampNow) {
          continue;
        }
        c[o + STAMP] = stampNow;
        int bits = iouBits(r);
        c[o + GOOD] = bits;
        if (bits != 0) {
          for (int d = 0; d < deltas.length; d++) {
            if ((bits & (1 << d)) != 0) {
              goodCount[d]++;
            }
          }
        }
        int bo = best * STRIDE;
        if (best < 0 || c[o + SIZE] > c[bo + SIZE] || (c[o + SIZE] == c[bo + SIZE] && c[o + FIRST] < c[bo + FIRST])) {
          best = r;
        }
      }
      int v1 = iouBits(best);
      int f = 0;
      for (int d = 0; d < deltas.length; d++) {
        if ((v1 & (1 << d)) != 0) {
          f |= v1Bit(d);
        }
        if (goodCount[d] > 0) {
          f |= v2Bit(d);
        }
      }
      current = f;
      flags[k] = f;
    }
  }

  /**
   * Adds pixel p to the mask, joined to its 8-connected neighbours already in the mask; returns the
   * root of its component.
   */
  private int addPixel(int p, int h, int w) {
    int[] c = comp;
    int y = p / w;
    int x = p - y * w;
    // Join the components of the neighbours already in the mask; p itself then hangs under the
    // result, and only becomes a new component (a record write) when it has no such neighbour.
    int r = -1;
    boolean left = x > 0;
    boolean right = x < w - 1;
    if (y > 0) {
      r = joinRow(r, p - w, left, right);
    }
    if (left && parent[p - 1] >= 0) {
      r = join(r, p - 1);
    }
    if (right && parent[p + 1] >= 0) {
      r = join(r, p + 1);
    }
    if (y < h - 1) {
      r = joinRow(r, p + w, left, right);
    }
    if (r < 0) {
      parent[p] = p;
      int o = p * STRIDE;
      c[o + SIZE] = 1;
      c[o + MIN_X] = x;
      c[o + MAX_X] = x;
      c[o + MIN_Y] = y;
      c[o + MAX_Y] = y;
      c[o + FIRST] = p;
      c[o + GOOD] = 0;
      c[o + STAMP] = 0;
      r = p;
    } else {
      parent[p] = r;
      int o = r * STRIDE;
      c[o + SIZE]++;
      c[o + MIN_X] = Math.min(c[o + MIN_X], x);
      c[o + MAX_X] = Math.max(c[o + MAX_X], x);
      c[o + MIN_Y] = Math.min(c[o + MIN_Y], y);
      c[o + MAX_Y] = Math.max(c[o + MAX_Y], y);
      c[o + FIRST] = Math.min(c[o + FIRST], p);
      forget(o);
    }
    return r;
  }

  /**
   * The boxes the protocol predicts from one normalised map at threshold τ_k: the inclusive
   * bounding boxes of the 8-connected components of {@code norm ≥ τ_k} — every component (V2), or
   * only the largest with the sweep's tie-break (V1) — largest first. Empty for an empty mask.
   */
  List<Box> boxesAt(double[] norm, int h, int w, int k, boolean largestOnly) {
    int n = h * w;
    ensure(n);
    gtCount = 0;
    Arrays.fill(parent, 0, n, -1);
    Arrays.fill(goodCount, 0);
    for (int p = 0; p < n; p++) {
      if (grid.indexOf(norm[p]) >= k) {
        addPixel(p, h, w);
      }
    }
    List<Integer> roots = new ArrayList<>();
    for (int p = 0; p < n; p++) {
      if (parent[p] >= 0 && find(p) == p) {
        roots.add(p);
      }
    }
    roots.sort((a, b) -> comp[a * STRIDE + SIZE] != comp[b * STRIDE + SIZE]
        ? Integer.compare(comp[b * STRIDE + SIZE], comp[a * STRIDE + SIZE])
        : Integer.compare(comp[a * STRIDE + FIRST], comp[b * STRIDE + FIRST]));
    List<Box> out = new ArrayList<>();
    for (int r : largestOnly && !roots.isEmpty() ? roots.subList(0, 1) : roots) {
      int o = r * STRIDE;
      out.add(new Box(comp[o + MIN_X], comp[o + MIN_Y], comp[o + MAX_X], comp[o + MAX_Y]));
    }
    return out;
  }

  private void setGt(List<Box> boxes) {
    if (gt.length < 4 * boxes.size()) {
      gt = new int[4 * boxes.size()];
    }
    gtCount = boxes.size();
    for (int i = 0; i < gtCount; i++) {
      Box b = boxes.get(i);
      gt[4 * i] = b.x0();
      gt[4 * i + 1] = b.y0();
      gt[4 * i + 2] = b.x1();
      gt[4 * i + 3] = b.y1();
    }
  }

  /** Bit d set when the component's box has IoU ≥ δ_d with some GT box (inclusive pixels). */
  private int iouBits(int r) {
    int o = r * STRIDE;
    int x0 = comp[o + MIN_X];
    int y0 = comp[o + MIN_Y];
    int x1 = comp[o + MAX_X];
    int y1 = comp[o + MAX_Y];
    double bestIou = 0;
    long area = (long) (x1 - x0 + 1) * (y1 - y0 + 1);
    for (int i = 0; i < gtCount; i++) {
      int gx0 = gt[4 * i];
      int gy0 = gt[4 * i + 1];
      int gx1 = gt[4 * i + 2];
      int gy1 = gt[4 * i + 3];
      int iw = Math.min(x1, gx1) - Math.max(x0, gx0) + 1;
      int ih = Math.min(y1, gy1) - Math.max(y0, gy0) + 1;
      if (iw <= 0 || ih <= 0) {
        continue;
      }
      long inter = (long) iw * ih;
      long gArea = (long) (gx1 - gx0 + 1) * (gy1 - gy0 + 1);
      double iou = (double) inter / (double) (area + gArea - inter);
      if (iou > bestIou) {
        bestIou = iou;
      }
    }
    int bits = 0;
    for (int d = 0; d < deltas.length; d++) {
      if (bestIou >= deltas[d]) {
        bits |= 1 << d;
      }
    }
    return bits;
  }

  /** Joins root r with the mask pixels among q−1, q, q+1 (a row above or below); returns the root. */
  private int joinRow(int r, int q, boolean left, boolean right) {
    if (left && parent[q - 1] >= 0) {
      r = join(r, q - 1);
    }
    if (parent[q] >= 0) {
      r = join(r, q);
    }
    if (right && parent[q + 1] >= 0) {
      r = join(r, q + 1);
    }
    return r;
  }

  /** The root of p's component, with full path compression (later lookups are one step). */
  private int find(int p) {
    int root = p;
    while (parent[root] != root) {
      root = parent[root];
    }
    while (parent[p] != root) {
      int next = parent[p];
      parent[p] = root;
      p = next;
    }
    return root;
  }

  /**
   * Joins root {@code r} with the component of pixel {@code q} (union by size); returns the root of
   * the result. The joined components' δ bits leave the counts until the result is re-scored.
   */
  private int join(int r, int q) {
    int pq = parent[q];
    if (pq == r) {
      return r; // the common case: the neighbour hangs directly under r
    }
    int rq = parent[pq] == pq ? pq : find(pq);
    if (rq == r) {
      return r;
    }
    if (r < 0) {
      return rq; // the first neighbouring component
    }
    int[] c = comp;
    forget(r * STRIDE);
    forget(rq * STRIDE);
    int a = r * STRIDE;
    int b = rq * STRIDE;
    int root = r;
    int child = rq;
    if (c[a + SIZE] < c[b + SIZE]) {
      root = rq;
      child = r;
    }
    int ro = root * STRIDE;
    int co = child * STRIDE;
    parent[child] = root;
    c[ro + SIZE] += c[co + SIZE];
    c[ro + MIN_X] = Math.min(c[ro + MIN_X], c[co + MIN_X]);
    c[ro + MIN_Y] = Math.min(c[ro + MIN_Y], c[co + MIN_Y]);
    c[ro + MAX_X] = Math.max(c[ro + MAX_X], c[co + MAX_X]);
    c[ro + MAX_Y] = Math.max(c[ro + MAX_Y], c[co + MAX_Y]);
    c[ro + FIRST] = Math.min(c[ro + FIRST], c[co + FIRST]);
    return root;
  }

  /**
   * Takes the component at record offset {@code o} out of the correct-box counts: its box is about
   * to change, and it is re-scored at the end of the bucket.
   */
  private void forget(int o) {
    int bits = comp[o + GOOD];
    if (bits != 0) {
      for (int d = 0; d < deltas.length; d++) {
        if ((bits & (1 << d)) != 0) {
          goodCount[d]--;
        }
      }
      comp[o + GOOD] = 0;
    }
  }
}
