package org.fga.core.data.transform;

import java.util.Random;
import org.fga.core.data.FloatImage;
import org.fga.core.data.Sample;
import org.fga.core.data.SampleTransform;

/**
 * Random brightness, contrast and saturation changes, each by a factor drawn uniformly from [1 - x,
 * 1 + x], applied in a random order as torchvision does. Hue is not jittered: the classes of the
 * fine-grained sets (and of our synthetic data) are partly told apart by colour.
 */
public final class ColorJitter implements SampleTransform {
  private final float brightness;
  private final float contrast;
  private final float saturation;

  public ColorJitter(double brightness, double contrast, double saturation) {
    if (brightness < 0
        || contrast < 0
        || saturation < 0
        || brightness > 1
        || contrast > 1
        || saturation > 1) {
      throw new IllegalArgumentException(
          "jitter strengths must be in [0, 1], got "
              + brightness
              + ", "
              + contrast
              + ", "
              + saturation);
    }
    this.brightness = (float) brightness;
    this.contrast = (float) contrast;
    this.saturation = (float) saturation;
  }

  @Override
  public Sample apply(Sample s, Random random) {
    FloatImage img = s.image();
    if (img.channels() != 3) {
      throw new IllegalArgumentException(
          "colour jitter needs RGB, got " + img.channels() + " channels");
    }
    float[] d = img.data().clone();
    int plane = img.height() * img.width();
    float fb = factor(brightness, random);
    float fc = factor(contrast, random);
    float fs = factor(saturation, random);
    int[] order = {0, 1, 2};
    for (int i = 2; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (int op : order) {
      switch (op) {
        case 0 -> scale(d, fb, 0f);
        case 1 -> {
          // blend with the mean grey level, like torchvision's adjust_contrast
          double sum = 0;
          for (int p = 0; p < plane; p++) {
            sum += grey(d, p, plane);
          }
          float mean = (float) (sum / plane);
          scale(d, fc, mean);
        }
        default -> {
          for (int p = 0; p < plane; p++) {
            float g = grey(d, p, plane);
            for (int c = 0; c < 3; c++) {
              d[c * plane + p] = clip(g + fs * (d[c * plane + p] - g));
            }
          }
        }
      }
    }
    return s.withImage(new FloatImage(3, img.height(), img.width(), d));
  }

  private static float factor(float strength, Random random) {
    return strength == 0 ? 1f : 1f - strength + 2f * strength * random.nextFloat();
  }

  /** v -> clip(base + f * (v - base)) on every value. */
  private static void scale(float[] d, float f, float base) {
    if (f == 1f) {
      return;
    }
    for (int i = 0; i < d.length; i++) {
      d[i] = clip(base + f * (d[i] - base));
    }
  }

  private static float grey(float[] d, int p, int plane) {
    return 0.299f * d[p] + 0.587f * d[plane + p] + 0.114f * d[2 * plane + p];
  }

  private static float clip(float v) {
    return v < 0 ? 0 : (v > 1 ? 1 : v);
  }
}
