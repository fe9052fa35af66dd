package org.fga.eval.wsol;

/**
 * Per-threshold counts of correctly localised images, for each box mode (V1 largest contour,
 * V2 every contour) and IoU threshold, and the same restricted to images whose top-1 class is
 * right. Integer counts, so merging partial counts from parallel workers is exact.
 */
public final class WsolCounts {
  /** Box modes, the first index of the count arrays. */
  public static final int LARGEST = 0;

  public static final int ALL = 1;

  private final ThresholdGrid grid;
  private final int[] iouPercents;
  private final long[][][] correct;
  private final long[][][] correctAndClassRight;
  private long images;
  private long imagesWithClass;

  WsolCounts(ThresholdGrid grid, int[] iouPercents) {
    this.grid = grid;
    this.iouPercents = iouPercents.clone();
    this.correct = new long[2][iouPercents.length][grid.size()];
    this.correctAndClassRight = new long[2][iouPercents.length][grid.size()];
  }

  /** Adds one image's flags ({@link ThresholdSweep}); {@code classRight} null if unknown. */
  void add(int[] flags, Boolean classRight) {
    images++;
    if (classRight != null) {
      imagesWithClass++;
    }
    boolean right = Boolean.TRUE.equals(classRight);
    for (int d = 0; d < iouPercents.length; d++) {
      int b1 = ThresholdSweep.v1Bit(d);
      int b2 = ThresholdSweep.v2Bit(d);
      long[] c1 = correct[LARGEST][d];
      long[] c2 = correct[ALL][d];
      for (int k = 0; k < flags.length; k++) {
        int f = flags[k];
        if ((f & b1) != 0) {
          c1[k]++;
          if (right) {
            correctAndClassRight[LARGEST][d][k]++;
          }
        }
        if ((f & b2) != 0) {
          c2[k]++;
          if (right) {
            correctAndClassRight[ALL][d][k]++;
          }
        }
      }
    }
  }

  /** Adds the counts of another set of images (same grid and IoU thresholds). */
  public WsolCounts merge(WsolCounts o) {
    for (int m = 0; m < 2; m++) {
      for (int d = 0; d < iouPercents.length; d++) {
        for (int k = 0; k < grid.size(); k++) {
          correct[m][d][k] += o.correct[m][d][k];
          correctAndClassRight[m][d][k] += o.correctAndClassRight[m][d][k];
        }
      }
    }
    images += o.images;
    imagesWithClass += o.imagesWithClass;
    return this;
  }

  public ThresholdGrid grid() {
    return grid;
  }

  public int[] iouPercents() {
    return iouPercents.clone();
  }

  public long images() {
    return images;
  }

  /** True when every image came with its top-1 class outcome. */
  public boolean hasClassOutcomes() {
    return images > 0 && imagesWithClass == images;
  }

  /** Fraction of images correct at τ_k, for a mode and an IoU index. */
  public double accuracy(int mode, int iouIndex, int k) {
    return (double) correct[mode][iouIndex][k] / images;
  }

  /** Fraction of images correct at τ_k whose top-1 class is also right. */
  public double top1Accuracy(int mode, int iouIndex, int k) {
    return (double) correctAndClassRight[mode][iouIndex][k] / images;
  }

  /** The first k with the highest accuracy (np.argmax). */
  public int bestThreshold(int mode, int iouIndex) {
    long[] c = correct[mode][iouIndex];
    int best = 0;
    for (int k = 1; k < c.length; k++) {
      if (c[k] > c[best]) {
        best = k;
      }
    }
    return best;
  }
}
