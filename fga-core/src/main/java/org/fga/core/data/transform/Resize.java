package org.fga.core.data.transform;

import java.util.Random;
import org.fga.core.data.Sample;
import org.fga.core.data.SampleTransform;

/**
 * Resizes to a fixed height × width, or (with {@link #shorterSide}) so that the shorter side has
 * the given length and the aspect ratio is kept, as torchvision's {@code Resize(int)} does.
 */
public final class Resize implements SampleTransform {
  private final int height;
  private final int width;
  private final boolean shorter;
  private final Interpolation filter;

  private Resize(int height, int width, boolean shorter, Interpolation filter) {
    Regions.checkSize("resize", height, width);
    this.height = height;
    this.width = width;
    this.shorter = shorter;
    this.filter = filter;
  }

  public static Resize to(int height, int width) {
    return new Resize(height, width, false, Interpolation.BILINEAR);
  }

  public static Resize shorterSide(int size) {
    return new Resize(size, size, true, Interpolation.BILINEAR);
  }

  /** The same resize with another filter. */
  public Resize withInterpolation(Interpolation f) {
    return new Resize(height, width, shorter, f);
  }

  @Override
  public Sample apply(Sample s, Random random) {
    int h = s.image().height();
    int w = s.image().width();
    int outH = height;
    int outW = width;
    if (shorter) {
      // the longer side is truncated, as torchvision's Resize(int) computes it
      if (h <= w) {
        outW = (int) ((double) w * height / h);
      } else {
        outH = (int) ((double) h * width / w);
      }
    }
    if (outH == h && outW == w) {
      return s;
    }
    return Regions.crop(s, 0, 0, w, h, outH, outW, false, filter);
  }
}
