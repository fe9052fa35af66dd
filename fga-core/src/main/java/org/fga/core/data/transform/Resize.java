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

  private Resize(int height, int width, boolean shorter) {
    Regions.checkSize("resize", height, width);
    this.height = height;
    this.width = width;
    this.shorter = shorter;
  }

  public static Resize to(int height, int width) {
    return new Resize(height, width, false);
  }

  public static Resize shorterSide(int size) {
    return new Resize(size, size, true);
  }

  @Override
  public Sample apply(Sample s, Random random) {
    int h = s.image().height();
    int w = s.image().width();
    int outH = height;
    int outW = width;
    if (shorter) {
      if (h <= w) {
        outW = (int) Math.round((double) w * height / h);
      } else {
        outH = (int) Math.round((double) h * width / w);
      }
    }
    if (outH == h && outW == w) {
      return s;
    }
    return Regions.crop(s, 0, 0, w, h, outH, outW);
  }
}
