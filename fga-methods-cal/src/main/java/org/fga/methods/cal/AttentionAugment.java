package org.fga.methods.cal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * WS-DAN's attention-guided augmentation, per sample: attention cropping (zoom into the region
 * where the map exceeds θ_c·max) and attention dropping (zero the region where it exceeds
 * θ_d·max). The maps are small and go to the host; the thresholding runs in Java and the image
 * work on the engine: a crop-and-resize is {@code R_y · X · R_xᵀ} with per-sample bilinear
 * (align_corners=True) matrices, one batched product for the whole batch.
 */
public final class AttentionAugment {
  private AttentionAugment() {}

  /**
   * Picks {@code count} maps per sample with replacement, with probability proportional to
   * {@code sqrt(sum of the map + 1e-6)} (the reference's choice for crop and drop).
   *
   * @param sums B×M spatial sums of the attention maps, row-major
   */
  public static int[][] chooseMaps(float[] sums, int batch, int maps, int count, Random random) {
    int[][] out = new int[batch][count];
    double[] p = pickProbabilities(sums, batch, maps);
    double[] w = new double[maps];
    for (int b = 0; b < batch; b++) {
      System.arraycopy(p, b * maps, w, 0, maps);
      for (int c = 0; c < count; c++) {
        double u = random.nextDouble();
        int m = 0;
        while (m < maps - 1 && u >= w[m]) {
          u -= w[m];
          m++;
        }
        out[b][c] = m;
      }
    }
    return out;
  }

  /**
   * The probabilities the reference hands to {@code np.random.choice}: {@code sqrt(sum + 1e-6)}
   * L1-normalised over the M maps of each image (B×M, row-major).
   */
  static double[] pickProbabilities(float[] sums, int batch, int maps) {
    double[] p = new double[batch * maps];
    for (int b = 0; b < batch; b++) {
      double total = 0;
      for (int m = 0; m < maps; m++) {
        p[b * maps + m] = Math.sqrt(Math.max(0, sums[b * maps + m]) + Bap.SQRT_EPS);
        total += p[b * maps + m];
      }
      for (int m = 0; m < maps; m++) {
        p[b * maps + m] /= total;
      }
    }
    return p;
  }

  /** θ·max of one map (the max of the align-corners upsampling equals the low-res maximum). */
  static double threshold(float[] map, double theta) {
    float max = Float.NEGATIVE_INFINITY;
    for (float v : map) {
      max = Math.max(max, v);
    }
    return theta * max;
  }

  /** Uniform draw from {@code [lo, hi)}. */
  static double uniform(double[] range, Random random) {
    return range[0] + (range[1] - range[0]) * random.nextDouble();
  }

  /**
   * Crops each image to its box and resizes it back to H×W bilinearly (align_corners=True).
   *
   * @param images B×C×H×W
   */
  public static NDArray crop(NDArray images, CropBox[] boxes) {
    Shape s = images.getShape();
    int b = (int) s.get(0);
    int h = (int) s.get(2);
    int w = (int) s.get(3);
    float[] ry = new float[b * h * h];
    float[] rxT = new float[b * w * w];
    for (int i = 0; i < b; i++) {
      CropBox box = boxes[i];
      System.arraycopy(Bilinear.matrix(h, h, box.top(), box.height()), 0, ry, i * h * h, h * h);
      float[] rx = Bilinear.matrix(w, w, box.left(), box.width());
      for (int r = 0; r < w; r++) { // transpose: the columns act from the right
        for (int c = 0; c < w; c++) {
          rxT[i * w * w + c * w + r] = rx[r * w + c];
        }
      }
    }
    NDManager m = images.getManager();
    NDArray rowOp = m.create(ry, new Shape(b, 1, h, h)).toType(images.getDataType(), false);
    NDArray colOp = m.create(rxT, new Shape(b, 1, w, w)).toType(images.getDataType(), false);
    return rowOp.matMul(images).matMul(colOp);
  }

  /** The crop boxes of one chosen map per sample, at θ·max with θ from {@code theta} per sample. */
  public static CropBox[] cropBoxes(
      float[][] maps, int h, int w, int imageH, int imageW, DoubleSupplier theta, double padding) {
    CropBox[] boxes = new CropBox[maps.length];
    for (int i = 0; i < maps.length; i++) {
      double t = threshold(maps[i], theta.getAsDouble());
      boxes[i] = CropBox.of(Bilinear.resize(maps[i], h, w, imageH, imageW), imageH, imageW, t, padding);
    }
    return boxes;
  }

  /**
   * Keep-masks of attention dropping: 1 where the upsampled map is below θ_d·max, θ_d from
   * {@code theta} per sample, else 0. Returns B×H×W row-major.
   */
  public static float[] dropMasks(
      float[][] maps, int h, int w, int imageH, int imageW, DoubleSupplier theta) {
    int n = imageH * imageW;
    float[] keep = new float[maps.length * n];
    for (int i = 0; i < maps.length; i++) {
      double t = threshold(maps[i], theta.getAsDouble());
      float[] up = Bilinear.resize(maps[i], h, w, imageH, imageW);
      for (int p = 0; p < n; p++) {
        keep[i * n + p] = up[p] < t ? 1f : 0f;
      }
    }
    return keep;
  }

  /** Multiplies B×C×H×W images by B×H×W keep-masks. */
  public static NDArray drop(NDArray images, float[] keep) {
    Shape s = images.getShape();
    NDArray mask = images.getManager().create(keep, new Shape(s.get(0), 1, s.get(2), s.get(3)));
    return images.mul(mask.toType(images.getDataType(), false));
  }

  /** Copies B×M×h×w maps to the host as B·M rows of h·w floats. */
  static float[] host(NDArray maps) {
    return maps.toType(DataType.FLOAT32, false).toFloatArray();
  }
}
