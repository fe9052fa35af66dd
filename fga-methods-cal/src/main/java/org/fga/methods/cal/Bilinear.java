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
    Taps t = Taps.of(n, len);
    for (int i = 0; i < n; i++) {
      m[i * size + start + t.lo[i]] += 1 - t.frac[i];
      m[i * size + start + t.hi[i]] += t.frac[i];
    }
    return m;
  }

  /** Upsamples one h×w map (row-major) to H×W, using the two taps of every output sample. */
  public static float[] resize(float[] map, int h, int w, int outH, int outW) {
    Taps ty = Taps.of(outH, h);
    Taps tx = Taps.of(outW, w);
    float[] rows = new float[outH * w];
    for (int i = 0; i < outH; i++) {
      float a = 1 - ty.frac[i];
      float b = ty.frac[i];
      int r0 = ty.lo[i] * w;
      int r1 = ty.hi[i] * w;
      for (int j = 0; j < w; j++) {
        rows[i * w + j] = a * map[r0 + j] + b * map[r1 + j];
      }
    }
    float[] out = new float[outH * outW];
    for (int i = 0; i < outH; i++) {
      for (int j = 0; j < outW; j++) {
        out[i * outW + j] = (1 - tx.frac[j]) * rows[i * w + tx.lo[j]] + tx.frac[j] * rows[i * w + tx.hi[j]];
      }
    }
    return out;
  }

  /** Source indices and weight of the upper neighbour for n outputs over len inputs. */
  private record Taps(int[] lo, int[] hi, float[] frac) {
    static Taps of(int n, int len) {
      int[] lo = new int[n];
      int[] hi = new int[n];
      float[] frac = new float[n];
      double step = n > 1 ? (double) (len - 1) / (n - 1) : 0;
      for (int i = 0; i < n; i++) {
        double src = i * step;
        lo[i] = (int) Math.floor(src);
        hi[i] = Math.min(lo[i] + 1, len - 1);
        frac[i] = (float) (src - lo[i]);
      }
      return new Taps(lo, hi, frac);
    }
  }
}
