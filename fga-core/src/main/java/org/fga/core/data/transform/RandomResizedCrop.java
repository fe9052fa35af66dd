package org.fga.core.data.transform;

import java.util.Random;
import org.fga.core.data.Sample;
import org.fga.core.data.SampleTransform;

/**
 * The Inception crop: a region with a random share of the area (default 8%..100%) and a random
 * log-uniform aspect ratio (default 3/4..4/3), scaled to height × width. After ten failed draws it
 * falls back to the central crop with the ratio clamped, as torchvision does.
 */
public final class RandomResizedCrop implements SampleTransform {
  private final int height;
  private final int width;
  private final double minScale;
  private final double maxScale;
  private final double minRatio;
  private final double maxRatio;
  private final double flip;
  private final Interpolation filter;

  private RandomResizedCrop(Builder b) {
    this.filter = b.filter;
    this.height = b.height;
    this.width = b.width;
    this.minScale = b.minScale;
    this.maxScale = b.maxScale;
    this.minRatio = b.minRatio;
    this.maxRatio = b.maxRatio;
    this.flip = b.flip;
  }

  public static Builder builder(int height, int width) {
    return new Builder(height, width);
  }

  @Override
  public Sample apply(Sample s, Random random) {
    int h = s.image().height();
    int w = s.image().width();
    double area = (double) h * w;
    double logLo = Math.log(minRatio);
    double logHi = Math.log(maxRatio);
    for (int attempt = 0; attempt < 10; attempt++) {
      double target = area * (minScale + (maxScale - minScale) * random.nextDouble());
      double ratio = Math.exp(logLo + (logHi - logLo) * random.nextDouble());
      int cw = (int) Math.rint(Math.sqrt(target * ratio)); // Python's round: half to even
      int ch = (int) Math.rint(Math.sqrt(target / ratio));
      if (cw > 0 && ch > 0 && cw <= w && ch <= h) {
        int top = random.nextInt(h - ch + 1);
        int left = random.nextInt(w - cw + 1);
        return Regions.crop(s, left, top, cw, ch, height, width, flip(random), filter);
      }
    }
    double ratio = (double) w / h;
    int cw = w;
    int ch = h;
    if (ratio < minRatio) {
      ch = (int) Math.rint(w / minRatio);
    } else if (ratio > maxRatio) {
      cw = (int) Math.rint(h * maxRatio);
    }
    return Regions.crop(s, (w - cw) / 2, (h - ch) / 2, cw, ch, height, width, flip(random), filter);
  }

  /** The flip coin, drawn after the region so that flipping does not change the crop. */
  private boolean flip(Random random) {
    return flip > 0 && random.nextDouble() < flip;
  }

  /** Builder in DJL style. */
  public static final class Builder {
    private final int height;
    private final int width;
    private double minScale = 0.08;
    private double maxScale = 1.0;
    private double minRatio = 3.0 / 4.0;
    private double maxRatio = 4.0 / 3.0;
    private double flip = 0;
    private Interpolation filter = Interpolation.BILINEAR;

    private Builder(int height, int width) {
      Regions.checkSize("crop", height, width);
      this.height = height;
      this.width = width;
    }

    public Builder optScale(double min, double max) {
      if (!(min > 0 && min <= max && max <= 1)) {
        throw new IllegalArgumentException(
            "scale range must satisfy 0 < min <= max <= 1, got " + min + ".." + max);
      }
      minScale = min;
      maxScale = max;
      return this;
    }

    public Builder optRatio(double min, double max) {
      if (!(min > 0 && min <= max)) {
        throw new IllegalArgumentException(
            "ratio range must satisfy 0 < min <= max, got " + min + ".." + max);
      }
      minRatio = min;
      maxRatio = max;
      return this;
    }

    /**
     * Also mirrors left-right with probability {@code p}, in the same resampling pass: the same
     * result as a {@link HorizontalFlip} after the crop, without a second copy of the image.
     */
    public Builder optFlip(double p) {
      if (p < 0 || p > 1) {
        throw new IllegalArgumentException("flip probability must be in [0, 1], got " + p);
      }
      flip = p;
      return this;
    }

    public Builder optInterpolation(Interpolation f) {
      filter = f;
      return this;
    }

    public RandomResizedCrop build() {
      return new RandomResizedCrop(this);
    }
  }
}
