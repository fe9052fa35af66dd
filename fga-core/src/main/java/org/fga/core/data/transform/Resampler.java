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
  private record Taps(int[] first, int[] count, float[] weights, int stride) {}

  /**
   * Region (x0, y0, w, h) in continuous source coordinates (pixel i spans [i, i+1)) to an image
   * of outH × outW.
   */
  static FloatImage resample(FloatImage img, double x0, double y0, double w, double h, int outH, int outW) {
    Taps tx = taps(img.width(), x0, w, outW);
    Taps ty = taps(img.height(), y0, h, outH);
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
        for (int ox = 0; ox < outW; ox++) {
          int f = tx.first[ox];
          int base = ox * tx.stride;
          float acc = 0;
          for (int k = 0; k < tx.count[ox]; k++) {
            acc += src[srcRow + f + k] * tx.weights[base + k];
          }
          mid[dstRow + ox] = acc;
        }
      }
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
    return new FloatImage(c, outH, outW, out);
  }

  private static Taps taps(int inSize, double start, double length, int outSize) {
    double scale = length / outSize; // source pixels per output pixel
    double support = Math.max(1.0, scale); // triangle half-width in source pixels
    int stride = (int) Math.ceil(support) * 2 + 1;
    int[] first = new int[outSize];
    int[] count = new int[outSize];
    float[] weights = new float[outSize * stride];
    for (int i = 0; i < outSize; i++) {
      double centre = start + (i + 0.5) * scale; // continuous source coordinate
      int lo = (int) Math.floor(centre - support);
      int hi = (int) Math.ceil(centre + support);
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
