package org.fga.core.data.transform;

import java.util.Random;
import org.fga.core.data.FloatImage;
import org.fga.core.data.Sample;
import org.fga.core.data.SampleTransform;

/**
 * Adds a constant border (torchvision's {@code Pad} in constant mode): boxes and keypoints shift
 * with the pixels, masks get background (0) in the border.
 */
public final class Pad implements SampleTransform {
  private final int left;
  private final int top;
  private final int right;
  private final int bottom;
  private final float[] fill;

  /**
   * @param fill per-channel border colour in [0, 1] (one value is used for every channel)
   */
  public Pad(int left, int top, int right, int bottom, float[] fill) {
    if (left < 0 || top < 0 || right < 0 || bottom < 0) {
      throw new IllegalArgumentException(
          "padding must be >= 0, got " + left + ", " + top + ", " + right + ", " + bottom);
    }
    this.left = left;
    this.top = top;
    this.right = right;
    this.bottom = bottom;
    this.fill = fill.clone();
  }

  @Override
  public Sample apply(Sample s, Random random) {
    if (left == 0 && top == 0 && right == 0 && bottom == 0) {
      return s;
    }
    FloatImage img = s.image();
    int h = img.height();
    int w = img.width();
    int outH = h + top + bottom;
    int outW = w + left + right;
    // a 1:1 region reaching outside the image moves every annotation; the pixels are rewritten below
    Sample moved = Regions.crop(s, -left, -top, outW, outH, outH, outW);
    int c = img.channels();
    float[] out = new float[c * outH * outW];
    float[] src = img.data();
    for (int ch = 0; ch < c; ch++) {
      java.util.Arrays.fill(out, ch * outH * outW, (ch + 1) * outH * outW, fill[Math.min(ch, fill.length - 1)]);
      for (int y = 0; y < h; y++) {
        System.arraycopy(src, (ch * h + y) * w, out, (ch * outH + y + top) * outW + left, w);
      }
    }
    return moved.withImage(new FloatImage(c, outH, outW, out));
  }
}
