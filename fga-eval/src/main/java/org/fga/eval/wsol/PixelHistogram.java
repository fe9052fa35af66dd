package org.fga.eval.wsol;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.fga.core.data.Mask;
import org.fga.core.error.FgaUserException;
import org.fga.eval.io.Shapes;
import org.fga.eval.segmentation.ConfusionMatrix;

/**
 * Pixel-level scores of normalised maps against binary masks, through histograms: for each map
 * pixel (min-max normalised as for boxes) the bucket is the last edge it reaches among
 * e_0..e_{T−1} = τ_0..τ_{T−1} and e_T = 1. Positive (mask ≠ 0) and negative (mask = 0) pixels are
 * counted separately; pixels flagged ignore (mask value 255, or non-zero in a separate ignore
 * array) are not counted. Then TP(e_j) = positives in buckets ≥ j, FP(e_j) = negatives in buckets
 * ≥ j.
 *
 * <p>PxAP (wsolevaluation's {@code MaskEvaluator}) walks the edges from e_T down to e_0:
 * Σ_j P_j·(R_j − R_{j+1}) with R_{T+1} = 0, over the edges where TP+FP > 0.
 */
public final class PixelHistogram {
  private final ThresholdGrid grid;
  private final long[] pos;
  private final long[] neg;

  public PixelHistogram(ThresholdGrid grid) {
    this.grid = grid;
    this.pos = new long[grid.size() + 1];
    this.neg = new long[grid.size() + 1];
  }

  /**
   * Adds one raw map (normalised here, in place) with its ground-truth mask and an optional
   * ignore mask (null for none).
   */
  public PixelHistogram add(double[] map, Mask gt, Mask ignore, int mapIndex) {
    int n = gt.height() * gt.width();
    ScoreMaps.normalize(map, n, mapIndex);
    if (ignore != null && (ignore.height() != gt.height() || ignore.width() != gt.width())) {
      throw Shapes.mismatch("mask " + mapIndex, new int[] {gt.height(), gt.width()},
          "ignore mask " + mapIndex, new int[] {ignore.height(), ignore.width()}, "height x width");
    }
    byte[] g = gt.data();
    byte[] ig = ignore == null ? null : ignore.data();
    int t = grid.size();
    for (int p = 0; p < n; p++) {
      int v = g[p] & 0xFF;
      if (v == Mask.IGNORE || (ig != null && ig[p] != 0)) {
        continue;
      }
      double x = map[p];
      int b = x >= 1.0 ? t : grid.indexOf(x);
      if (v != 0) {
        pos[b]++;
      } else {
        neg[b]++;
      }
    }
    return this;
  }

  public PixelHistogram merge(PixelHistogram o) {
    for (int j = 0; j < pos.length; j++) {
      pos[j] += o.pos[j];
      neg[j] += o.neg[j];
    }
    return this;
  }

  public ThresholdGrid grid() {
    return grid;
  }

  public long positives() {
    long s = 0;
    for (long v : pos) {
      s += v;
    }
    return s;
  }

  public long negatives() {
    long s = 0;
    for (long v : neg) {
      s += v;
    }
    return s;
  }

  /** PxAP, or NaN when no pixel is positive. */
  public double pxap() {
    long totalPos = positives();
    if (totalPos == 0) {
      return Double.NaN;
    }
    double ap = 0;
    double prevRecall = 0;
    long tp = 0;
    long fp = 0;
    for (int j = pos.length - 1; j >= 0; j--) {
      tp += pos[j];
      fp += neg[j];
      double recall = (double) tp / totalPos;
      if (tp + fp > 0) {
        ap += ((double) tp / (tp + fp)) * (recall - prevRecall);
      }
      prevRecall = recall;
    }
    return ap;
  }

  /**
   * The 2-class confusion matrix (0 background, 1 foreground) of the mask "normalised map ≥ τ_k"
   * against the ground truth.
   */
  public ConfusionMatrix binaryConfusion(int k) {
    long tp = 0;
    long fp = 0;
    for (int j = k; j < pos.length; j++) {
      tp += pos[j];
      fp += neg[j];
    }
    return new ConfusionMatrix(2, Mask.IGNORE)
        .addCount(1, 1, tp)
        .addCount(0, 1, fp)
        .addCount(1, 0, positives() - tp)
        .addCount(0, 0, negatives() - fp);
  }

  /** Sums the histograms of many maps in parallel. */
  public static PixelHistogram of(ThresholdGrid grid, ScoreMaps maps, java.util.List<Mask> masks, java.util.List<Mask> ignores) {
    int n = maps.count();
    Shapes.requireLength("maps", n, "masks", masks.size());
    if (ignores != null) {
      Shapes.requireLength("maps", n, "ignore masks", ignores.size());
    }
    for (int i = 0; i < n; i++) {
      Mask m = masks.get(i);
      if (m.height() != maps.height(i) || m.width() != maps.width(i)) {
        throw Shapes.mismatch("map " + i, new int[] {maps.height(i), maps.width(i)},
            "mask " + i, new int[] {m.height(), m.width()}, "height x width");
      }
    }
    return IntStream.range(0, n)
        .parallel()
        .mapToObj(
            i -> {
              double[] buf = new double[maps.height(i) * maps.width(i)];
              maps.copy(i, buf);
              return new PixelHistogram(grid).add(buf, masks.get(i), ignores == null ? null : ignores.get(i), i);
            })
        .reduce(PixelHistogram::merge)
        .orElseGet(() -> new PixelHistogram(grid));
  }

  /** {@code {"PxAP": ..}} (null when no pixel is positive). */
  public Map<String, Object> toMap() {
    if (positives() == 0) {
      throw new FgaUserException("pxap: no positive (foreground) pixel in the masks, PxAP is undefined");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("PxAP", pxap());
    out.put("positivePixels", positives());
    out.put("negativePixels", negatives());
    return out;
  }
}
