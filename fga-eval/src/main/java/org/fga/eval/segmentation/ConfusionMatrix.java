package org.fga.eval.segmentation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fga.core.data.Mask;
import org.fga.core.error.FgaUserException;
import org.fga.eval.io.Shapes;

/**
 * One confusion matrix accumulated over every pixel of every image (not a mean of per-image
 * scores). Pixels whose ground truth is the ignore value are skipped. A predicted value that is not
 * a class (≥ numClasses, e.g. 255) on a scored pixel counts as a miss of the true class: a false
 * negative for it and a false positive for no class.
 *
 * <p>IoU_c = TP/(TP+FP+FN), undefined (null) when the class is absent from both prediction and
 * ground truth; mIoU is the mean of the defined IoUs. Pixel accuracy = ΣTP / scored pixels; mean
 * accuracy is the mean over classes present in the ground truth of TP/(TP+FN).
 */
public final class ConfusionMatrix {
  private final int numClasses;
  private final int ignore;
  /** counts[gt * (numClasses + 1) + pred]; the last column holds predictions that are no class. */
  private final long[] counts;

  public ConfusionMatrix(int numClasses, int ignore) {
    if (numClasses < 1 || numClasses > 256) {
      throw new FgaUserException("number of classes must be in [1, 256], got " + numClasses);
    }
    this.numClasses = numClasses;
    this.ignore = ignore;
    this.counts = new long[numClasses * (numClasses + 1)];
  }

  public int numClasses() {
    return numClasses;
  }

  /** Adds one image; {@code name} identifies it in errors. */
  public ConfusionMatrix add(Mask pred, Mask gt, String name) {
    if (pred.height() != gt.height() || pred.width() != gt.width()) {
      throw Shapes.mismatch(
          "prediction " + name, new int[] {pred.height(), pred.width()},
          "ground truth " + name, new int[] {gt.height(), gt.width()}, "height x width");
    }
    return add(pred.data(), gt.data(), name);
  }

  /** Adds label values given as unsigned bytes (row-major, same length). */
  public ConfusionMatrix add(byte[] pred, byte[] gt, String name) {
    if (pred.length != gt.length) {
      throw Shapes.mismatch("prediction " + name, new int[] {pred.length}, "ground truth " + name,
          new int[] {gt.length}, "pixel counts");
    }
    int stride = numClasses + 1;
    for (int i = 0; i < gt.length; i++) {
      int g = gt[i] & 0xFF;
      if (g == ignore) {
        continue;
      }
      requireClass(g, numClasses, ignore, name, i);
      int p = pred[i] & 0xFF;
      counts[g * stride + (p < numClasses ? p : numClasses)]++;
    }
    return this;
  }

  /** Fails naming the image and pixel when a (non-ignored) ground-truth value {@code g} is no class. */
  static void requireClass(int g, int numClasses, int ignore, String name, int pixel) {
    if (g >= numClasses) {
      throw new FgaUserException(String.format(
          "%s: ground-truth value %d at pixel %d is not a class in [0, %d) nor the ignore value %d",
          name, g, pixel, numClasses, ignore));
    }
  }

  /** Adds {@code n} pixels of ground truth {@code g} predicted as {@code p} ({@code p == numClasses}: no class). */
  public ConfusionMatrix addCount(int g, int p, long n) {
    if (g < 0 || g >= numClasses || p < 0 || p > numClasses || n < 0) {
      throw new IllegalArgumentException("bad cell " + g + "," + p + " or count " + n);
    }
    counts[g * (numClasses + 1) + p] += n;
    return this;
  }

  /** Adds the counts of another matrix (parallel accumulation). */
  public ConfusionMatrix merge(ConfusionMatrix o) {
    if (o.numClasses != numClasses) {
      throw new IllegalArgumentException("class counts differ");
    }
    for (int i = 0; i < counts.length; i++) {
      counts[i] += o.counts[i];
    }
    return this;
  }

  /** Pixels with ground truth {@code g} predicted as {@code p} ({@code p == numClasses}: no class). */
  public long count(int g, int p) {
    return counts[g * (numClasses + 1) + p];
  }

  /** Per-class IoU; NaN where the class is in neither prediction nor ground truth. */
  public double[] iou() {
    double[] out = new double[numClasses];
    for (int c = 0; c < numClasses; c++) {
      long tp = count(c, c);
      long fn = rowSum(c) - tp;
      long fp = colSum(c) - tp;
      long den = tp + fp + fn;
      out[c] = den == 0 ? Double.NaN : (double) tp / den;
    }
    return out;
  }

  private long rowSum(int g) {
    long s = 0;
    for (int p = 0; p <= numClasses; p++) {
      s += count(g, p);
    }
    return s;
  }

  private long colSum(int p) {
    long s = 0;
    for (int g = 0; g < numClasses; g++) {
      s += count(g, p);
    }
    return s;
  }

  /** Scored pixels (ground truth not ignored). */
  public long total() {
    long s = 0;
    for (long c : counts) {
      s += c;
    }
    return s;
  }

  public double pixelAccuracy() {
    long tp = 0;
    for (int c = 0; c < numClasses; c++) {
      tp += count(c, c);
    }
    long t = total();
    return t == 0 ? Double.NaN : (double) tp / t;
  }

  public double meanAccuracy() {
    double sum = 0;
    int n = 0;
    for (int c = 0; c < numClasses; c++) {
      long row = rowSum(c);
      if (row > 0) {
        sum += (double) count(c, c) / row;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** Mean of the defined IoUs; NaN if none is defined. */
  public double meanIou() {
    double sum = 0;
    int n = 0;
    for (double v : iou()) {
      if (!Double.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** {@code {"mIoU", "iouPerClass", "pixelAccuracy", "meanAccuracy", "pixels"}}; undefined values are null. */
  public Map<String, Object> toMap() {
    List<Double> per = new ArrayList<>();
    for (double v : iou()) {
      per.add(nullIfNaN(v));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("mIoU", nullIfNaN(meanIou()));
    out.put("iouPerClass", per);
    out.put("pixelAccuracy", nullIfNaN(pixelAccuracy()));
    out.put("meanAccuracy", nullIfNaN(meanAccuracy()));
    out.put("pixels", total());
    return out;
  }

  static Double nullIfNaN(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
