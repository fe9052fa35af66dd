package org.fga.core.evaluate;

/**
 * Resizes a score map to the image as wsolevaluation's {@code inference.py} does:
 * {@code cv2.resize(cam, size, interpolation=INTER_CUBIC)} on the CAM in float64. Ported from
 * OpenCV's generic resize for 64-bit input: source positions {@code (float) ((d + 0.5)·scale − 0.5)}
 * with {@code scale = 1 / (out / in)}, Keys' cubic weights (a = −0.75) computed in float, source
 * indices clamped at the border, a horizontal pass then a vertical one, each summing its four taps
 * in double in order.
 */
public final class MapResize {
  private static final float A = -0.75f;

  private MapResize() {}

  /** {@link #cubic} rounded to float32, the precision fga keeps attention maps in. */
  public static float[] bicubic(float[] src, int h, int w, int outH, int outW) {
    double[] out = cubic(src, h, w, outH, outW);
    float[] f = new float[out.length];
    for (int i = 0; i < out.length; i++) {
      f[i] = (float) out[i];
    }
    return f;
  }

  /**
   * {@link #bicubic} as rows ({@code [outH][outW]}), the shape the evaluator and the metrics keep
   * maps in.
   */
  public static float[][] bicubicRows(float[] src, int h, int w, int outH, int outW) {
    double[] out = cubic(src, h, w, outH, outW);
    float[][] rows = new float[outH][outW];
    for (int y = 0; y < outH; y++) {
      for (int x = 0; x < outW; x++) {
        rows[y][x] = (float) out[y * outW + x];
      }
    }
    return rows;
  }

  /** The resized map in double precision, equal to OpenCV's for a float64 input. */
  public static double[] cubic(float[] src, int h, int w, int outH, int outW) {
    if (h == outH && w == outW) {
      double[] same = new double[src.length];
      for (int i = 0; i < src.length; i++) {
        same[i] = src[i];
      }
      return same;
    }
    int[] xofs = new int[outW];
    float[] alpha = taps(w, outW, xofs);
    int[] yofs = new int[outH];
    float[] beta = taps(h, outH, yofs);
    double[] tmp = new double[h * outW];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < outW; x++) {
        double v = 0;
        for (int t = 0; t < 4; t++) {
          v += src[y * w + clamp(xofs[x] - 1 + t, w)] * (double) alpha[4 * x + t];
        }
        tmp[y * outW + x] = v;
      }
    }
    double[] out = new double[outH * outW];
    for (int y = 0; y < outH; y++) {
      int r0 = clamp(yofs[y] - 1, h) * outW;
      int r1 = clamp(yofs[y], h) * outW;
      int r2 = clamp(yofs[y] + 1, h) * outW;
      int r3 = clamp(yofs[y] + 2, h) * outW;
      double b0 = beta[4 * y];
      double b1 = beta[4 * y + 1];
      double b2 = beta[4 * y + 2];
      double b3 = beta[4 * y + 3];
      for (int x = 0; x < outW; x++) {
        out[y * outW + x] = tmp[r0 + x] * b0 + tmp[r1 + x] * b1 + tmp[r2 + x] * b2 + tmp[r3 + x] * b3;
      }
    }
    return out;
  }

  /** Source index and the four float weights of each output position along one axis. */
  private static float[] taps(int in, int out, int[] offsets) {
    double scale = 1.0 / ((double) out / in);
    float[] weights = new float[4 * out];
    for (int d = 0; d < out; d++) {
      float f = (float) ((d + 0.5) * scale - 0.5);
      int s = (int) Math.floor(f);
      f -= s;
      offsets[d] = s;
      weights(f, weights, 4 * d);
    }
    return weights;
  }

  private static int clamp(int i, int n) {
    return i < 0 ? 0 : (i >= n ? n - 1 : i);
  }

  /** OpenCV's {@code interpolateCubic}, in float as there. */
  static void weights(float x, float[] k, int at) {
    k[at] = ((A * (x + 1) - 5 * A) * (x + 1) + 8 * A) * (x + 1) - 4 * A;
    k[at + 1] = ((A + 2) * x - (A + 3)) * x * x + 1;
    k[at + 2] = ((A + 2) * (1 - x) - (A + 3)) * (1 - x) * (1 - x) + 1;
    k[at + 3] = 1.f - k[at] - k[at + 1] - k[at + 2];
  }
}
