package org.fga.core.data.transform;

import java.util.Random;
import org.fga.core.data.FloatImage;
import org.fga.core.data.Sample;
import org.fga.core.data.SampleTransform;

/** Inverts every value at or above {@code threshold} (PIL's {@code ImageOps.solarize}). */
public final class Solarize implements SampleTransform {
  private final float threshold;

  public Solarize(double threshold) {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("solarize threshold must be in [0, 1], got " + threshold);
    }
    this.threshold = (float) threshold;
  }

  @Override
  public Sample apply(Sample s, Random random) {
    FloatImage img = s.image();
    float[] d = img.data().clone();
    for (int i = 0; i < d.length; i++) {
      if (d[i] >= threshold) {
        d[i] = 1 - d[i];
      }
    }
    return s.withImage(new FloatImage(img.channels(), img.height(), img.width(), d));
  }
}
