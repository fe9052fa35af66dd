package org.fga.core.data.transform;

import java.util.Random;
import org.fga.core.data.Sample;
import org.fga.core.data.SampleTransform;

/** Cuts a height × width window at a uniformly random integer position. */
public final class RandomCrop implements SampleTransform {
  private final int height;
  private final int width;

  public RandomCrop(int height, int width) {
    Regions.checkSize("crop", height, width);
    this.height = height;
    this.width = width;
  }

  @Override
  public Sample apply(Sample s, Random random) {
    int top = random.nextInt(Math.max(1, s.image().height() - height + 1));
    int left = random.nextInt(Math.max(1, s.image().width() - width + 1));
    return Regions.crop(s, left, top, width, height, height, width);
  }
}
