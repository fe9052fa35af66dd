package org.fga.core.data.transform;

import org.fga.core.data.FloatImage;

/**
 * Resamples a rectangular region of an image to a new size with a separable triangle (bilinear)
 * filter whose support widens when shrinking, so that downscaling averages every source pixel
 * instead of aliasing (what PIL's BILINEAR does, and unlike a plain 2-tap bilinear lookup).
 */
final class Resampler {
  private Resampler() {}

  /** Contribution lists of one axis: for output i, weights over source indices first[i]... */
  private record Taps(int[] first, int[] count, float[] weights, int stride) {
    /** The same taps for outputs in reverse order: output i reads what output n-1-i read. */
    Taps reversed() {
      int n = first.length;
      int[] f = new int[n];
      int[] c = new int[n];
      float[] w = new float[weights.length];
      for (int i = 0; i < n; i++) {
        f[i] = first[n - 1 - i];
        c[i] = count[n - 1 - i];
        System.arraycopy(weights, (n - 1 - i) * stride, w, i * stride, stride);
      }
      return new Taps(f, c, w, stride);
    }
  }

  /**
   * Region (x0, y0, w, h) in continuous source coordinates (pixel i spans [i, i+1)) to an image of
   * outH × outW, mirrored left-right if {@code mirror} (for free: the taps are read backwards).
   */
  static FloatImage resample(
      FloatImage img, double x0, double y0, double w, double h, int outH, int outW, boolean mirror) {
    return resample(img, x0, y0, w, h, outH, outW, mirror, Interpolation.BILINEAR);
  }

  /** As above with the given filter; bicubic results are clipped to [0, 1] as PIL's 8-bit are. */
  static FloatImage resample(
      FloatImage img,
      double x0,
      double y0,
      double w,
      double h,
      int outH,
      int outW,
      boolean mirror,
      Interpolation filter) {
    boolean plain = w == outW && h == outH && x0 == Math.rint(x0) && y0 == Math.rint(y0);
    if (plain && !mirror) {
      return copy(img, (int) x0, (int) y0, outH, outW); // a plain crop: no filtering needed
    }
    Taps tx = taps(img.width(), x0, w, outW, filter);
    if (mirror) {
      tx = tx.reversed();
    }
    Taps ty = taps(img.height(), y0, h, outH, filter);
    int c = img.channels();
    int inH = img.height();
    int inW = img.width();
    float[] src = img.data();
    // horizontal pass only over the source rows the vertical pass will read
    int rowLo = ty.first[0];
    int rowHi = ty.first[outH - 1] + ty.count[outH - 1];
    int rows = rowHi - rowLo;
    float[] mid = new float[c * rows * outW];
    for (int ch = 0; ch < c; ch++) {
      for (int r = 0; r < rows; r++) {
        int srcRow = (ch * inH + rowLo + r) * inW;
        int dstRow = (ch * rows + r) * outW;
        horizontal(src, srcRow, mid, dstRow, outW, tx);
      }
    }
    if (filter == Interpolation.BICUBIC) {
      // PIL stores the horizontal pass in 8 bits, so the cubic's overshoot is clipped in between
      clip(mid);
    }
    float[] out = new float[c * outH * outW];
    for (int ch = 0; ch < c; ch++) {
      for (int oy = 0; oy < outH; oy++) {
        int f = ty.first[oy] - rowLo;
        int base = oy * ty.stride;
        int dst = (ch * outH + oy) * outW;
        for (int k = 0; k < ty.count[oy]; k++) {
          float wgt = ty.weights[base + k];
          int row = (ch * rows + f + k) * outW;
          for (int ox = 0; ox < outW; ox++) {
            out[dst + ox] += mid[row + ox] * wgt;
          }
        }
      }
    }
    if (filter == Interpolation.BICUBIC) {
      clip(out);
    }
    return new FloatImage(c, outH, outW, out);
  }

  private static void clip(float[] v) {
    for (int i = 0; i < v.length; i++) {
      v[i] = v[i] < 0 ? 0 : (v[i] > 1 ? 1 : v[i]);
    }
  }

  /** The window at (x0, y0), edge pixels repeated where it leaves the image. */
  private static FloatImage copy(FloatImage img, int x0, int y0, int outH, int outW) {
    int c = img.channels();
    int inH = img.height();
    int inW = img.width();
    float[] src = img.data();
    float[] out = new float[c * outH * outW];
    boolean inside = x0 >= 0 && y0 >= 0 && x0 + outW <= inW && y0 + outH <= inH;
    for (int ch = 0; ch < c; ch++) {
      for (int y = 0; y < outH; y++) {
        int sy = Math.min(Math.max(y0 + y, 0), inH - 1);
        int srcRow = (ch * inH + sy) * inW;
        int dstRow = (ch * outH + y) * outW;
        if (inside) {
          System.arraycopy(src, srcRow + x0, out, dstRow, outW);
        } else {
          for (int x = 0; x < outW; x++) {
            out[dstRow + x] = src[srcRow + Math.min(Math.max(x0 + x, 0), inW - 1)];
          }
        }
      }
    }
    return new FloatImage(c, outH, outW, out);
  }

  /**
   * One row of the horizontal pass. Every output reads the same number of taps (zero-padded), so
   * the common 2- and 3-tap cases run as straight-line code: this loop is most of the frame time.
   */
  private static void horizontal(
      float[] src, int srcRow, float[] dst, int dstRow, int outW, Taps t) {
    int n = t.stride;
    int[] first = t.first;
    float[] w = t.weights;
    if (n == 2) {
      for (int ox = 0; ox < outW; ox++) {
        int a = srcRow + first[ox];
        dst[dstRow + ox] = src[a] * w[2 * ox] + src[a + 1] * w[2 * ox + 1];
      }
    } else if (n == 3) {
      for (int ox = 0; ox < outW; ox++) {
        int a = srcRow + first[ox];
        int b = 3 * ox;
        dst[dstRow + ox] = src[a] * w[b] + src[a + 1] * w[b + 1] + src[a + 2] * w[b + 2];
      }
    } else {
      for (int ox = 0; ox < outW; ox++) {
        int a = srcRow + first[ox];
        int b = n * ox;
        float acc = 0;
        for (int k = 0; k < n; k++) {
          acc += src[a + k] * w[b + k];
        }
        dst[dstRow + ox] = acc;
      }
    }
  }

  /** Taps re-laid with one common count per output (the largest needed), starts kept in range. */
  private static Taps fixedWidth(Taps t, int inSize) {
    int n = 1;
    for (int c : t.count) {
      n = Math.max(n, c);
    }
    n = Math.min(n, inSize);
    int outSize = t.first.length;
    int[] first = new int[outSize];
    int[] count = new int[outSize];
    float[] weights = new float[outSize * n];
    for (int i = 0; i < outSize; i++) {
      int f = Math.min(t.first[i], inSize - n);
      first[i] = f;
      count[i] = n;
      for (int k = 0; k < t.count[i]; k++) {
        weights[i * n + (t.first[i] - f) + k] = t.weights[i * t.stride + k];
      }
    }
    return new Taps(first, count, weights, n);
  }

  private static Taps taps(
      int inSize, double start, double length, int outSize, Interpolation filter) {
    Taps t =
        switch (filter) {
          case BILINEAR -> variableTaps(inSize, start, length, outSize);
          case BICUBIC -> filterTaps(inSize, start, length, outSize, filter);
          case NEAREST -> nearestTaps(inSize, start, length, outSize);
        };
    return fixedWidth(t, inSize);
  }

  /** One tap per output: the source pixel under the output pixel's centre (PIL's NEAREST). */
  private static Taps nearestTaps(int inSize, double start, double length, int outSize) {
    double scale = length / outSize;
    int[] first = new int[outSize];
    int[] count = new int[outSize];
    float[] weights = new float[outSize];
    for (int i = 0; i < outSize; i++) {
      int p = (int) Math.floor(start + (i + 0.5) * scale);
      first[i] = Math.min(Math.max(p, 0), inSize - 1);
      count[i] = 1;
      weights[i] = 1;
    }
    return new Taps(first, count, weights, 1);
  }

  /**
   * Taps of a filter with support wider than one pixel (bicubic), laid out as PIL's {@code
   * precompute_coeffs}: the window [centre - support + 0.5, centre + support + 0.5) truncated,
   * weights at the pixel centres' distances in filter units, normalised to sum 1.
   */
  private static Taps filterTaps(
      int inSize, double start, double length, int outSize, Interpolation filter) {
    double scale = length / outSize;
    double filterScale = Math.max(1.0, scale);
    double support = filter.support() * filterScale;
    int stride = (int) Math.ceil(support) * 2 + 1;
    int[] first = new int[outSize];
    int[] count = new int[outSize];
    float[] weights = new float[outSize * stride];
    for (int i = 0; i < outSize; i++) {
      double centre = start + (i + 0.5) * scale;
      int lo = Math.max(0, (int) (centre - support + 0.5));
      int hi = Math.min(inSize, (int) (centre + support + 0.5));
      if (hi <= lo) { // the window left the image: clamp to the nearest edge pixel
        lo = Math.min(Math.max((int) Math.floor(centre), 0), inSize - 1);
        hi = lo + 1;
      }
      int n = Math.min(hi - lo, stride);
      double sum = 0;
      double[] w = new double[n];
      for (int k = 0; k < n; k++) {
        w[k] = filter.weight((lo + k + 0.5 - centre) / filterScale);
        sum += w[k];
      }
      if (sum == 0) {
        w[0] = 1;
        sum = 1;
      }
      for (int k = 0; k < n; k++) {
        weights[i * stride + k] = (float) (w[k] / sum);
      }
      first[i] = lo;
      count[i] = n;
    }
    return new Taps(first, count, weights, stride);
  }

  private static Taps variableTaps(int inSize, double start, double length, int outSize) {
    double scale = length / outSize; // source pixels per output pixel
    double support = Math.max(1.0, scale); // triangle half-width in source pixels
    int stride = (int) Math.ceil(support) * 2 + 1;
    int[] first = new int[outSize];
    int[] count = new int[outSize];
    float[] weights = new float[outSize * stride];
    for (int i = 0; i < outSize; i++) {
      double centre = start + (i + 0.5) * scale; // continuous source coordinate
      // source pixels whose centres (p + 0.5) lie strictly inside the triangle's support; for
      // upscaling that is two pixels, not three with a zero weight
      int lo = (int) Math.floor(centre - support - 0.5) + 1;
      int hi = (int) Math.ceil(centre + support - 0.5);
      lo = Math.max(lo, 0);
      hi = Math.min(hi, inSize);
      if (hi <= lo) { // region entirely outside: clamp to the nearest edge pixel
        lo = Math.min(Math.max((int) Math.floor(centre), 0), inSize - 1);
        hi = lo + 1;
      }
      double sum = 0;
      int n = Math.min(hi - lo, stride);
      for (int k = 0; k < n; k++) {
        double d = Math.abs(lo + k + 0.5 - centre) / support;
        double wgt = Math.max(0, 1 - d);
        weights[i * stride + k] = (float) wgt;
        sum += wgt;
      }
      if (sum <= 0) { // a point between taps: take the nearest pixel
        weights[i * stride] = 1;
        n = 1;
        sum = 1;
      }
      for (int k = 0; k < n; k++) {
        weights[i * stride + k] /= (float) sum;
      }
      first[i] = lo;
      count[i] = n;
    }
    return new Taps(first, count, weights, stride);
  }
}
