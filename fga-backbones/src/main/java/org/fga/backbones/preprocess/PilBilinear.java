package org.fga.backbones.preprocess;

/**
 * PIL's {@code Image.resize(size, BILINEAR)} for 8-bit RGB, reproduced to the bit: a separable
 * triangle filter whose support widens with the downscaling factor (so downscaling averages, i.e.
 * antialiases), coefficients in 22-bit fixed point, a horizontal pass rounded to 8 bits, then a
 * vertical pass. torchvision's {@code Resize} calls exactly this on PIL images; its tensor path
 * with {@code antialias=True} uses the same filter in floating point and can differ by one level.
 */
public final class PilBilinear {
  private static final int PRECISION_BITS = 32 - 8 - 2;
  private static final double BILINEAR_SUPPORT = 1.0;

  private PilBilinear() {}

  /** {@code image} resized to {@code width}×{@code height}; the same object if the size is equal. */
  public static RgbImage resize(RgbImage image, int width, int height) {
    RgbImage out = image;
    if (width != out.width()) {
      out = horizontal(out, coefficients(out.width(), width));
    }
    if (height != out.height()) {
      out = vertical(out, coefficients(out.height(), height));
    }
    return out;
  }

  /** For each output index: first input index, tap count, fixed-point weights. */
  private record Coefficients(int[] start, int[] count, int[][] weights) {}

  private static double triangle(double x) {
    x = Math.abs(x);
    return x < 1.0 ? 1.0 - x : 0.0;
  }

  private static Coefficients coefficients(int inSize, int outSize) {
    double scale = (double) inSize / outSize;
    double filterScale = Math.max(scale, 1.0);
    double support = BILINEAR_SUPPORT * filterScale;
    double ss = 1.0 / filterScale;
    int[] start = new int[outSize];
    int[] count = new int[outSize];
    int[][] weights = new int[outSize][];
    for (int xx = 0; xx < outSize; xx++) {
      double center = (xx + 0.5) * scale;
      int xmin = Math.max((int) (center - support + 0.5), 0);
      int xmax = Math.min((int) (center + support + 0.5), inSize) - xmin;
      double[] k = new double[xmax];
      double total = 0;
      for (int x = 0; x < xmax; x++) {
        k[x] = triangle((x + xmin - center + 0.5) * ss);
        total += k[x];
      }
      int[] fixed = new int[xmax];
      for (int x = 0; x < xmax; x++) {
        double w = total != 0 ? k[x] / total : k[x];
        // C's (int) cast truncates toward zero, after PIL's +-0.5 rounding offset.
        fixed[x] = (int) (w < 0 ? -0.5 + w * (1 << PRECISION_BITS) : 0.5 + w * (1 << PRECISION_BITS));
      }
      start[xx] = xmin;
      count[xx] = xmax;
      weights[xx] = fixed;
    }
    return new Coefficients(start, count, weights);
  }

  private static int clip8(long v) {
    if (v >= (1L << PRECISION_BITS << 8)) {
      return 255;
    }
    if (v <= 0) {
      return 0;
    }
    return (int) (v >> PRECISION_BITS);
  }

  private static RgbImage horizontal(RgbImage in, Coefficients k) {
    int outW = k.start().length;
    int h = in.height();
    byte[] src = in.rgb();
    byte[] dst = new byte[outW * h * 3];
    for (int y = 0; y < h; y++) {
      int row = y * in.width();
      for (int xx = 0; xx < outW; xx++) {
        int[] w = k.weights()[xx];
        int x0 = k.start()[xx];
        for (int c = 0; c < 3; c++) {
          long acc = 1L << (PRECISION_BITS - 1);
          for (int x = 0; x < k.count()[xx]; x++) {
            acc += (long) (src[(row + x0 + x) * 3 + c] & 0xff) * w[x];
          }
          dst[(y * outW + xx) * 3 + c] = (byte) clip8(acc);
        }
      }
    }
    return new RgbImage(outW, h, dst);
  }

  private static RgbImage vertical(RgbImage in, Coefficients k) {
    int outH = k.start().length;
    int w = in.width();
    byte[] src = in.rgb();
    byte[] dst = new byte[w * outH * 3];
    for (int yy = 0; yy < outH; yy++) {
      int[] wt = k.weights()[yy];
      int y0 = k.start()[yy];
      for (int x = 0; x < w; x++) {
        for (int c = 0; c < 3; c++) {
          long acc = 1L << (PRECISION_BITS - 1);
          for (int y = 0; y < k.count()[yy]; y++) {
            acc += (long) (src[((y0 + y) * w + x) * 3 + c] & 0xff) * wt[y];
          }
          dst[(yy * w + x) * 3 + c] = (byte) clip8(acc);
        }
      }
    }
    return new RgbImage(w, outH, dst);
  }
}
