package org.fga.core.data.transform;

import java.util.Random;
import org.fga.core.data.FloatImage;
import org.fga.core.data.Sample;
import org.fga.core.data.SampleTransform;

/**
 * A separable Gaussian blur with σ drawn uniformly from [minSigma, maxSigma] per image, edges
 * reflected (torchvision's {@code GaussianBlur}). The kernel is {@code kernel} taps wide, or, when
 * 0, {@code 2·ceil(3σ) + 1} so that the truncated tails stay below 0.3 % of the mass.
 */
public final class GaussianBlur implements SampleTransform {
  private final int kernel;
  private final double minSigma;
  private final double maxSigma;

  public GaussianBlur(int kernel, double minSigma, double maxSigma) {
    if (kernel < 0 || (kernel > 0 && kernel % 2 == 0)) {
      throw new IllegalArgumentException("blur kernel must be odd and positive, got " + kernel);
    }
    if (!(minSigma > 0 && minSigma <= maxSigma)) {
      throw new IllegalArgumentException(
          "blur sigma range must satisfy 0 < min <= max, got " + minSigma + ".." + maxSigma);
    }
    this.kernel = kernel;
    this.minSigma = minSigma;
    this.maxSigma = maxSigma;
  }

  @Override
  public Sample apply(Sample s, Random random) {
    double sigma = minSigma + (maxSigma - minSigma) * random.nextDouble();
    int k = kernel > 0 ? kernel : 2 * (int) Math.ceil(3 * sigma) + 1;
    int r = k / 2;
    float[] w = new float[k];
    double sum = 0;
    for (int i = 0; i < k; i++) {
      double x = i - r;
      w[i] = (float) Math.exp(-x * x / (2 * sigma * sigma));
      sum += w[i];
    }
    for (int i = 0; i < k; i++) {
      w[i] /= (float) sum;
    }
    FloatImage img = s.image();
    int c = img.channels();
    int h = img.height();
    int wd = img.width();
    float[] src = img.data();
    float[] mid = new float[src.length];
    float[] out = new float[src.length];
    for (int ch = 0; ch < c; ch++) {
      int base = ch * h * wd;
      for (int y = 0; y < h; y++) {
        int row = base + y * wd;
        for (int x = 0; x < wd; x++) {
          float acc = 0;
          for (int t = 0; t < k; t++) {
            acc += w[t] * src[row + reflect(x + t - r, wd)];
          }
          mid[row + x] = acc;
        }
      }
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < wd; x++) {
          float acc = 0;
          for (int t = 0; t < k; t++) {
            acc += w[t] * mid[base + reflect(y + t - r, h) * wd + x];
          }
          out[base + y * wd + x] = acc;
        }
      }
    }
    return s.withImage(new FloatImage(c, h, wd, out));
  }

  /** Index {@code i} reflected into [0, n) without repeating the edge (numpy's "reflect"). */
  static int reflect(int i, int n) {
    if (n == 1) {
      return 0;
    }
    int period = 2 * (n - 1);
    i = Math.floorMod(i, period);
    return i < n ? i : period - i;
  }
}
