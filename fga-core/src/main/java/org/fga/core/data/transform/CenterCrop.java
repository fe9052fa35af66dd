package org.fga.core.data.transform;

import java.util.Random;
import org.fga.core.data.Sample;
import org.fga.core.data.SampleTransform;

/** Cuts the central height × width window (repeating edge pixels if the image is smaller). */
public final class CenterCrop implements SampleTransform {
  private final int height;
  private final int width;

  public CenterCrop(int height, int width) {
    Regions.checkSize("crop", height, width);
    this.height = height;
    this.width = width;
  }

  @Override
  public Sample apply(Sample s, Random random) {
    int h = s.image().height();
    int w = s.image().width();
    // integer offsets, rounded half to even as torchvision's Python round(), so no resampling
    // blur is introduced
    int top = (int) Math.rint((h - height) / 2.0);
    int left = (int) Math.rint((w - width) / 2.0);
    return Regions.crop(s, left, top, width, height, height, width);
  }
}
