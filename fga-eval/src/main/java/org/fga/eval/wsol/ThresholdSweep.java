package org.fga.eval.wsol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fga.core.data.Box;

/**
 * Box correctness of one normalised map at every threshold τ of the grid, as wsolevaluation's
 * {@code compute_bboxes_from_scoremaps} decides it, in two passes over the map instead of one
 * {@code cv2.findContours} per τ.
 *
 * <p>The map is quantised to 8 bits ({@link EightBitMap}); the mask at τ is {@code q > int(τ·max)},
 * so it only changes at the levels 0 … max−1. Going down the levels the mask only grows: its
 * 8-connected components (the outer contours, {@link ForegroundComponents}) grow and merge.
 * Going up, the background only grows: its 4-connected components that do not reach the edge
 * (the hole contours, {@link HoleComponents}) grow and merge. At each level that some τ maps to:
 *
 * <ul>
 *   <li>largest contour (the original MaxBoxAcc): the box of the contour with the largest
 *       {@code cv2.contourArea}, ties to the one findContours lists first;
 *   <li>multi-contour (MaxBoxAccV2): correct when any contour's box — outer or hole — meets δ,
 *       kept as counts of such contours, updated only for components that changed.
 * </ul>
 *
 * <p>Boxes are {@code boundingRect} with x1 = x + w, y1 = y + h clipped to the image; an empty
 * mask (a constant map) gives the box [0, 0, 0, 0], scored like any other. One instance per thread.
 */
final class ThresholdSweep {
  private static final int LEVELS = 256;

  private final ThresholdGrid grid;
  private final IouBits iou;
  private final ForegroundComponents outer;
  private final HoleComponents holes;
  private final int[] levelOfTau;
  private final boolean[] needed = new boolean[LEVELS];
  private final int[] outerFlags = new int[LEVELS];
  private final int[] holeBits = new int[LEVELS];
  private final int[] bucketStart = new int[LEVELS + 1];
  private int[] q = new int[0];
  private int[] order = new int[0];
  /** Roots returned by the adds of one bucket, re-scored after it. */
  private int[] touched = new int[0];

  /** @param deltas the IoU thresholds δ (fractions), at most 15 */
  ThresholdSweep(ThresholdGrid grid, double[] deltas) {
    if (deltas.length > 15) {
      throw new IllegalArgumentException("at most 15 IoU thresholds");
    }
    this.grid = grid;
    this.iou = new IouBits(deltas);
    this.outer = new ForegroundComponents(iou, deltas.length);
    this.holes = new HoleComponents(iou, deltas.length);
    this.levelOfTau = new int[grid.size()];
  }

  /** Bits 0–15 of a flag word: correct at δ_d with the largest contour's box. */
  static int v1Bit(int d) {
    return 1 << d;
  }

  /** Bits 16–31: correct at δ_d with some contour's box (multi-contour). */
  static int v2Bit(int d) {
    return 1 << (16 + d);
  }

  private void ensure(int n) {
    if (q.length < n) {
      q = new int[n];
      order = new int[n];
      touched = new int[n];
    }
  }

  /**
   * Sweeps one map. {@code norm} holds the min-max normalised map, row-major; {@code flags[k]}
   * receives the flag word at τ_k.
   */
  void sweep(double[] norm, int h, int w, List<Box> gtBoxes, int[] flags) {
    int n = h * w;
    ensure(n);
    iou.setGt(gtBoxes);
    int max = EightBitMap.quantise(norm, n, q);
    int t = grid.size();
    if (max == 0) {
      int bits = iou.bits(0, 0, 0, 0);
      Arrays.fill(flags, 0, t, (bits << 16) | bits);
      return;
    }
    Arrays.fill(needed, false);
    for (int k = 0; k < t; k++) {
      int level = EightBitMap.level(grid.tau(k), max);
      levelOfTau[k] = level;
      needed[level] = true;
    }
    sortByValue(n);

    // Down the levels: the mask q > level gains the pixels of value level + 1.
    outer.reset(h, w);
    int stamp = 0;
    int lastHoleLevel = -1;
    for (int level = max - 1; level >= 0; level--) {
      int from = bucketStart[level + 1];
      int to = bucketStart[level + 2];
      if (from < to) {
        stamp++;
        for (int i = from; i < to; i++) {
          touched[i - from] = outer.add(order[i]);
        }
        for (int i = 0; i < to - from; i++) {
          outer.rescore(touched[i], stamp);
        }
      }
      if (needed[level]) {
        int v1 = outer.boxBits(outer.largest(q, level));
        outerFlags[level] = v1 | (outer.anyGoodBits() << 16);
        if (outer.anyHoles()) {
          lastHoleLevel = Math.max(lastHoleLevel, level);
        }
      }
    }
    // Up the levels: the background q <= level gains the pixels of value level. Levels scored
    // without any hole (Euler numbers above) need no second pass, so it stops at the last with one.
    Arrays.fill(holeBits, 0);
    holes.reset(h, w);
    stamp = 0;
    for (int level = 0; level <= lastHoleLevel; level++) {
      int from = bucketStart[level];
      int to = bucketStart[level + 1];
      if (from < to) {
        stamp++;
        for (int i = from; i < to; i++) {
          touched[i - from] = holes.add(order[i]);
        }
        for (int i = 0; i < to - from; i++) {
          holes.rescore(touched[i], stamp);
        }
      }
      if (needed[level]) {
        holeBits[level] = holes.anyGoodBits() << 16;
      }
    }
    for (int k = 0; k < t; k++) {
      int level = levelOfTau[k];
      flags[k] = outerFlags[level] | holeBits[level];
    }
  }

  /** Counting sort of the pixels by 8-bit value: bucket v is order[bucketStart[v] .. bucketStart[v+1]). */
  private void sortByValue(int n) {
    Arrays.fill(bucketStart, 0);
    for (int p = 0; p < n; p++) {
      bucketStart[q[p] + 1]++;
    }
    for (int v = 0; v < LEVELS; v++) {
      bucketStart[v + 1] += bucketStart[v];
    }
    for (int p = 0; p < n; p++) {
      order[bucketStart[q[p]]++] = p;
    }
    for (int v = LEVELS; v > 0; v--) {
      bucketStart[v] = bucketStart[v - 1];
    }
    bucketStart[0] = 0;
  }

  /**
   * The boxes the protocol predicts from one normalised map at threshold τ: the largest contour's
   * box, or every contour's box (outer contours first, then holes); [0, 0, 0, 0] for an empty mask.
   */
  List<Box> boxesAt(double[] norm, int h, int w, double tau, boolean largestOnly) {
    int n = h * w;
    ensure(n);
    int max = EightBitMap.quantise(norm, n, q);
    if (max == 0) {
      return List.of(new Box(0, 0, 0, 0));
    }
    int level = EightBitMap.level(tau, max);
    if (level >= max) {
      return List.of(new Box(0, 0, 0, 0)); // τ ≥ 1: nothing is above the level
    }
    outer.reset(h, w);
    for (int p = 0; p < n; p++) {
      if (q[p] > level) {
        outer.add(p);
      }
    }
    if (largestOnly) {
      return List.of(outer.box(outer.largest(q, level)));
    }
    List<Box> out = new ArrayList<>();
    for (int i = 0; i < outer.liveCount(); i++) {
      out.add(outer.box(outer.liveRoot(i)));
    }
    holes.reset(h, w);
    for (int p = 0; p < n; p++) {
      if (q[p] <= level) {
        holes.add(p);
      }
    }
    for (int p = 0; p < n; p++) {
      if (holes.contains(p) && holes.isHoleRoot(p)) {
        out.add(holes.holeBox(p));
      }
    }
    return out;
  }
}
