package org.fga.core.data.transform;

import java.util.Random;
import org.fga.core.data.FloatImage;
import org.fga.core.data.Sample;
import org.fga.core.data.SampleTransform;

/**
 * Replaces every channel by the luma {@code 0.299 R + 0.587 G + 0.114 B} (PIL's {@code
 * convert("L")}, kept as three channels as torchvision's {@code RandomGrayscale} does).
 */
public final class Grayscale implements SampleTransform {
  @Override
  public Sample apply(Sample s, Random random) {
    FloatImage img = s.image();
    if (img.channels() != 3) {
      return s;
    }
    int plane = img.height() * img.width();
    float[] d = img.data();
    float[] out = new float[3 * plane];
    for (int p = 0; p < plane; p++) {
      float g = ColorJitter.grey(d, p, plane);
      out[p] = g;
      out[plane + p] = g;
      out[2 * plane + p] = g;
    }
    return s.withImage(new FloatImage(3, img.height(), img.width(), out));
  }
}
