package org.fga.core.data.transform;

import java.util.Random;
import org.fga.core.data.FloatImage;
import org.fga.core.data.Sample;
import org.fga.core.data.SampleTransform;

/**
 * Random erasing (Zhong et al. 2020), as used in re-ID training: with probability {@code p} a
 * rectangle with 2%..33% of the area and aspect 0.3..3.3 is filled with a constant colour (by
 * default the ImageNet mean, which normalises to zero, matching torchvision's fill of 0 after
 * normalisation) or with uniform noise. Annotations are kept: the object is still there, only
 * hidden.
 */
public final class RandomErasing implements SampleTransform {
  /** The ImageNet channel means in [0, 1]. */
  public static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};

  private final double p;
  private final double minArea;
  private final double maxArea;
  private final double minRatio;
  private final double maxRatio;
  private final float[] fill;
  private int attempts = 10;
  private boolean uniformAspect;

  /**
   * @param p probability of erasing
   * @param fill per-channel fill colour, or {@code null} for uniform random noise
   */
  public RandomErasing(double p, float[] fill) {
    this(p, 0.02, 0.33, 0.3, 1 / 0.3, fill);
  }

  public RandomErasing(
      double p, double minArea, double maxArea, double minRatio, double maxRatio, float[] fill) {
    if (p < 0 || p > 1) {
      throw new IllegalArgumentException("erasing probability must be in [0, 1], got " + p);
    }
    if (!(minArea > 0
        && minArea <= maxArea
        && maxArea <= 1
        && minRatio > 0
        && minRatio <= maxRatio)) {
      throw new IllegalArgumentException(
          "bad erasing ranges: area "
              + minArea
              + ".."
              + maxArea
              + ", ratio "
              + minRatio
              + ".."
              + maxRatio);
    }
    this.p = p;
    this.minArea = minArea;
    this.maxArea = maxArea;
    this.minRatio = minRatio;
    this.maxRatio = maxRatio;
    this.fill = fill == null ? null : fill.clone();
  }

  /**
   * Draws the aspect ratio uniformly in [min, max] (Zhong et al.'s code, used by the re-ID
   * references) instead of log-uniformly (torchvision), over up to {@code attempts} tries.
   */
  public RandomErasing optZhongSampling(int attempts, boolean uniformAspect) {
    if (attempts < 1) {
      throw new IllegalArgumentException("erasing attempts must be >= 1, got " + attempts);
    }
    this.attempts = attempts;
    this.uniformAspect = uniformAspect;
    return this;
  }

  @Override
  public Sample apply(Sample s, Random random) {
    if (random.nextDouble() >= p) {
      return s;
    }
    FloatImage img = s.image();
    int h = img.height();
    int w = img.width();
    for (int attempt = 0; attempt < attempts; attempt++) {
      double area = h * w * (minArea + (maxArea - minArea) * random.nextDouble());
      double u = random.nextDouble();
      double ratio =
          uniformAspect
              ? minRatio + (maxRatio - minRatio) * u
              : Math.exp(Math.log(minRatio) + (Math.log(maxRatio) - Math.log(minRatio)) * u);
      int eh = (int) Math.rint(Math.sqrt(area * ratio)); // Python's round: half to even
      int ew = (int) Math.rint(Math.sqrt(area / ratio));
      if (eh < h && ew < w && eh > 0 && ew > 0) {
        int top = random.nextInt(h - eh + 1);
        int left = random.nextInt(w - ew + 1);
        float[] d = img.data().clone();
        for (int c = 0; c < img.channels(); c++) {
          float v = fill == null ? 0 : fill[Math.min(c, fill.length - 1)];
          for (int y = top; y < top + eh; y++) {
            int row = (c * h + y) * w;
            for (int x = left; x < left + ew; x++) {
              d[row + x] = fill == null ? random.nextFloat() : v;
            }
          }
        }
        return s.withImage(new FloatImage(img.channels(), h, w, d));
      }
    }
    return s;
  }
}
