package org.fga.core.evaluate;

/**
 * Resizes a score map to the image, as the WSOL protocol's reference code does with OpenCV's
 * {@code cv2.resize(..., interpolation=INTER_CUBIC)}: bicubic with a = −0.75, pixel centres at
 * half-integers, and source indices clamped at the border.
 */
public final class MapResize {
  private static final double A = -0.75;

  private MapResize() {}

  public static float[] bicubic(float[] src, int h, int w, int outH, int outW) {
    if (h == outH && w == outW) {
      return src.clone();
    }
    float[] tmp = new float[h * outW];
    double sx = (double) w / outW;
    for (int x = 0; x < outW; x++) {
      double fx = (x + 0.5) * sx - 0.5;
      int ix = (int) Math.floor(fx);
      double[] k = weights(fx - ix);
      for (int y = 0; y < h; y++) {
        double acc = 0;
        for (int t = 0; t < 4; t++) {
          acc += k[t] * src[y * w + clamp(ix - 1 + t, w)];
        }
        tmp[y * outW + x] = (float) acc;
      }
    }
    float[] out = new float[outH * outW];
    double sy = (double) h / outH;
    for (int y = 0; y < outH; y++) {
      double fy = (y + 0.5) * sy - 0.5;
      int iy = (int) Math.floor(fy);
      double[] k = weights(fy - iy);
      for (int x = 0; x < outW; x++) {
        double acc = 0;
        for (int t = 0; t < 4; t++) {
          acc += k[t] * tmp[clamp(iy - 1 + t, h) * outW + x];
        }
        out[y * outW + x] = (float) acc;
      }
    }
    return out;
  }

  private static int clamp(int i, int n) {
    return i < 0 ? 0 : (i >= n ? n - 1 : i);
  }

  /** Keys' cubic convolution weights for the four taps around a fractional offset t in [0, 1). */
  static double[] weights(double t) {
    double[] k = new double[4];
    k[0] = cubic(t + 1);
    k[1] = cubic(t);
    k[2] = cubic(1 - t);
    k[3] = 1 - k[0] - k[1] - k[2];
    return k;
  }

  private static double cubic(double x) {
    x = Math.abs(x);
    if (x <= 1) {
      return ((A + 2) * x - (A + 3)) * x * x + 1;
    }
    if (x < 2) {
      return ((A * x - 5 * A) * x + 8 * A) * x - 4 * A;
    }
    return 0;
  }
}
