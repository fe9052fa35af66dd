package org.fga.methods.cal;

/**
 * Bilinear interpolation with {@code align_corners=True} (PyTorch's {@code upsample_bilinear},
 * which the reference uses for both the attention upsampling and the crop resize): output sample i
 * of n reads source position {@code start + i·(len − 1)/(n − 1)} of a window of {@code len} source
 * samples, so the first and last outputs hit the window's first and last samples exactly.
 */
public final class Bilinear {
  private Bilinear() {}

  /**
   * The n×size matrix that resamples the window {@code [start, start + len)} of an axis of {@code
   * size} samples to n samples (each row has at most two non-zero weights summing to 1).
   */
  public static float[] matrix(int n, int size, int start, int len) {
    if (len < 1 || start < 0 || start + len > size) {
      throw new IllegalArgumentException("window [" + start + ", " + (start + len) + ") outside 0.." + size);
    }
    float[] m = new float[n * size];
    double step = n > 1 ? (double) (len - 1) / (n - 1) : 0;
    for (int i = 0; i < n; i++) {
      double src = i * step;
      int i0 = (int) Math.floor(src);
      int i1 = Math.min(i0 + 1, len - 1);
      double w1 = src - i0;
      m[i * size + start + i0] += (float) (1 - w1);
      m[i * size + start + i1] += (float) w1;
    }
    return m;
  }

  /** Upsamples one h×w map (row-major) to H×W. */
  public static float[] resize(float[] map, int h, int w, int outH, int outW) {
    float[] ry = matrix(outH, h, 0, h);
    float[] rx = matrix(outW, w, 0, w);
    float[] tmp = new float[outH * w]; // rows first: (outH×h)·(h×w)
    for (int i = 0; i < outH; i++) {
      for (int k = 0; k < h; k++) {
        float a = ry[i * h + k];
        if (a != 0) {
          for (int j = 0; j < w; j++) {
            tmp[i * w + j] += a * map[k * w + j];
          }
        }
      }
    }
    float[] out = new float[outH * outW];
    for (int i = 0; i < outH; i++) {
      for (int j = 0; j < outW; j++) {
        float s = 0;
        for (int k = 0; k < w; k++) {
          s += tmp[i * w + k] * rx[j * w + k];
        }
        out[i * outW + j] = s;
      }
    }
    return out;
  }
}
