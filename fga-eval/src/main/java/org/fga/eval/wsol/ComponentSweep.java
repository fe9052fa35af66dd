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
 * mask neighbours. Each component keeps its size, its inclusive bounding box and its first pixel in
 * raster order. After each bucket the state is the mask at that τ:
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
  private static final int[] DX = {-1, 0, 1, -1, 1, -1, 0, 1};
  private static final int[] DY = {-1, -1, -1, 0, 0, 1, 1, 1};

  private final ThresholdGrid grid;
  private final double[] deltas;
  private int[] parent = new int[0];
  private int[] size;
  private int[] minX;
  private int[] minY;
  private int[] maxX;
  private int[] maxY;
  /** Smallest pixel index (first in raster order) of each component: the V1 tie-break. */
  private int[] first;
  private int[] good;
  private int[] stamp;
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
    size = new int[n];
    minX = new int[n];
    minY = new int[n];
    maxX = new int[n];
    maxY = new int[n];
    first = new int[n];
    good = new int[n];
    stamp = new int[n];
    order = new int[n];
    bucket = new int[n];
    touched = new int[9 * n];
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
    Arrays.fill(bucketStart, 0);
    for (int p = 0; p < n; p++) {
      int b = grid.indexOf(norm[p]);
      bucket[p] = b;
      bucketStart[b + 1]++;
    }
    for (int k = 0; k < t; k++) {
      bucketStart[k + 1] += bucketStart[k];
    }
    // Scatter; bucketStart[k] ends up at the end of bucket k-1's range, so shift back after.
    for (int p = 0; p < n; p++) {
      order[bucketStart[bucket[p]]++] = p;
    }
    for (int k = t; k > 0; k--) {
      bucketStart[k] = bucketStart[k - 1];
    }
    bucketStart[0] = 0;

    Arrays.fill(parent, 0, n, -1);
    Arrays.fill(goodCount, 0);
    int best = -1;
    int current = 0;
    for (int k = t - 1; k >= 0; k--) {
      int from = bucketStart[k];
      int to = k + 1 < t ? bucketStart[k + 1] : n;
      if (from == to) {
        flags[k] = current;
        continue;
      }
      int nt = 0;
      for (int i = from; i < to; i++) {
        nt = addPixel(order[i], h, w, nt);
      }
      if (++stampNow == Integer.MAX_VALUE) {
        Arrays.fill(stamp, 0);
        stampNow = 1;
      }
      if (best >= 0) {
        best = find(best);
      }
      for (int i = 0; i < nt; i++) {
        int r = find(touched[i]);
        if (stamp[r] == stampNow) {
          continue;
        }
        stamp[r] = stampNow;
        int bits = iouBits(r);
        good[r] = bits;
        for (int d = 0; d < deltas.length; d++) {
          if ((bits & (1 << d)) != 0) {
            goodCount[d]++;
          }
        }
        if (best < 0 || size[r] > size[best] || (size[r] == size[best] && first[r] < first[best])) {
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
   * Adds pixel p to the mask as a component of its own and joins it to its 8-connected neighbours
   * already in the mask; records p and every new root in {@code touched} from index nt on.
   *
   * @return the new end of {@code touched}
   */
  private int addPixel(int p, int h, int w, int nt) {
    int x = p % w;
    int y = p / w;
    parent[p] = p;
    size[p] = 1;
    minX[p] = maxX[p] = x;
    minY[p] = maxY[p] = y;
    first[p] = p;
    good[p] = 0;
    touched[nt++] = p;
    for (int j = 0; j < 8; j++) {
      int nx = x + DX[j];
      int ny = y + DY[j];
      if (nx < 0 || ny < 0 || nx >= w || ny >= h) {
        continue;
      }
      int q = ny * w + nx;
      if (parent[q] >= 0) {
        int r = union(p, q);
        if (r >= 0) {
          touched[nt++] = r;
        }
      }
    }
    return nt;
  }

  /**
   * The boxes the protocol predicts from one normalised map at threshold τ_k: the inclusive
   * bounding boxes of the 8-connected components of {@code norm ≥ τ_k}, every component (V2) or
   * only the largest (V1, same tie-break as the sweep), largest first. Empty for an empty mask.
   */
  List<Box> boxesAt(double[] norm, int h, int w, int k, boolean largestOnly) {
    int n = h * w;
    ensure(n);
    gtCount = 0;
    Arrays.fill(parent, 0, n, -1);
    Arrays.fill(goodCount, 0);
    for (int p = 0; p < n; p++) {
      if (grid.indexOf(norm[p]) >= k) {
        addPixel(p, h, w, 0);
      }
    }
    List<Integer> roots = new ArrayList<>();
    for (int p = 0; p < n; p++) {
      if (parent[p] >= 0 && find(p) == p) {
        roots.add(p);
      }
    }
    roots.sort((a, b) -> size[a] != size[b] ? Integer.compare(size[b], size[a]) : Integer.compare(first[a], first[b]));
    List<Box> out = new ArrayList<>();
    for (int r : largestOnly && !roots.isEmpty() ? roots.subList(0, 1) : roots) {
      out.add(new Box(minX[r], minY[r], maxX[r], maxY[r]));
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
    double bestIou = 0;
    long area = (long) (maxX[r] - minX[r] + 1) * (maxY[r] - minY[r] + 1);
    for (int i = 0; i < gtCount; i++) {
      int gx0 = gt[4 * i];
      int gy0 = gt[4 * i + 1];
      int gx1 = gt[4 * i + 2];
      int gy1 = gt[4 * i + 3];
      int iw = Math.min(maxX[r], gx1) - Math.max(minX[r], gx0) + 1;
      int ih = Math.min(maxY[r], gy1) - Math.max(minY[r], gy0) + 1;
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

  private int find(int p) {
    while (parent[p] != p) {
      parent[p] = parent[parent[p]];
      p = parent[p];
    }
    return p;
  }

  /** Joins the components of a and b; returns the new root, or -1 if they were already one. */
  private int union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra == rb) {
      return -1;
    }
    for (int d = 0; d < deltas.length; d++) {
      int bit = 1 << d;
      if ((good[ra] & bit) != 0) {
        goodCount[d]--;
      }
      if ((good[rb] & bit) != 0) {
        goodCount[d]--;
      }
    }
    if (size[ra] < size[rb]) {
      int tmp = ra;
      ra = rb;
      rb = tmp;
    }
    parent[rb] = ra;
    size[ra] += size[rb];
    minX[ra] = Math.min(minX[ra], minX[rb]);
    minY[ra] = Math.min(minY[ra], minY[rb]);
    maxX[ra] = Math.max(maxX[ra], maxX[rb]);
    maxY[ra] = Math.max(maxY[ra], maxY[rb]);
    first[ra] = Math.min(first[ra], first[rb]);
    good[ra] = 0;
    good[rb] = 0;
    return ra;
  }
}
