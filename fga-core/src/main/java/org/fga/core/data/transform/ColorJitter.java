package org.fga.core.data.transform;

import java.util.Random;
import org.fga.core.data.FloatImage;
import org.fga.core.data.Sample;
import org.fga.core.data.SampleTransform;

/**
 * torchvision's {@code ColorJitter} on an RGB image: brightness, contrast and saturation factors
 * drawn uniformly from [max(0, 1 - x), 1 + x], a hue shift from [-hue, hue] (fractions of a full
 * turn), applied in a random order. Brightness blends with black, contrast with the mean grey
 * level, saturation with the grey image (PIL's {@code ImageEnhance}); hue rotates in HSV.
 */
public final class ColorJitter implements SampleTransform {
  private final float brightness;
  private final float contrast;
  private final float saturation;
  private final float hue;

  public ColorJitter(double brightness, double contrast, double saturation) {
    this(brightness, contrast, saturation, 0);
  }

  public ColorJitter(double brightness, double contrast, double saturation, double hue) {
    if (brightness < 0 || contrast < 0 || saturation < 0) {
      throw new IllegalArgumentException(
          "jitter strengths must be >= 0, got " + brightness + ", " + contrast + ", " + saturation);
    }
    if (hue < 0 || hue > 0.5) {
      throw new IllegalArgumentException("hue jitter must be in [0, 0.5], got " + hue);
    }
    this.brightness = (float) brightness;
    this.contrast = (float) contrast;
    this.saturation = (float) saturation;
    this.hue = (float) hue;
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
    float fh = hue == 0 ? 0f : -hue + 2f * hue * random.nextFloat();
    int[] order = {0, 1, 2, 3};
    for (int i = 3; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (int op : order) {
      switch (op) {
        case 0 -> scale(d, fb, 0f);
        case 1 -> {
          if (fc != 1f) {
            double sum = 0;
            for (int p = 0; p < plane; p++) {
              sum += grey(d, p, plane);
            }
            scale(d, fc, (float) (sum / plane));
          }
        }
        case 2 -> {
          if (fs != 1f) {
            for (int p = 0; p < plane; p++) {
              float g = grey(d, p, plane);
              for (int c = 0; c < 3; c++) {
                d[c * plane + p] = clip(g + fs * (d[c * plane + p] - g));
              }
            }
          }
        }
        default -> shiftHue(d, plane, fh);
      }
    }
    return s.withImage(new FloatImage(3, img.height(), img.width(), d));
  }

  private static float factor(float strength, Random random) {
    if (strength == 0) {
      return 1f;
    }
    float lo = Math.max(0f, 1f - strength);
    return lo + (1f + strength - lo) * random.nextFloat();
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

  /** Rotates the hue of every pixel by {@code shift} turns, keeping saturation and value. */
  static void shiftHue(float[] d, int plane, float shift) {
    if (shift == 0) {
      return;
    }
    for (int p = 0; p < plane; p++) {
      float r = d[p], g = d[plane + p], b = d[2 * plane + p];
      float max = Math.max(r, Math.max(g, b));
      float min = Math.min(r, Math.min(g, b));
      float delta = max - min;
      if (delta == 0) {
        continue; // grey: no hue to rotate
      }
      float h;
      if (max == r) {
        h = ((g - b) / delta) / 6f;
      } else if (max == g) {
        h = ((b - r) / delta + 2f) / 6f;
      } else {
        h = ((r - g) / delta + 4f) / 6f;
      }
      h = h + shift;
      h -= (float) Math.floor(h);
      float sat = delta / max;
      float[] rgb = org.fga.core.data.Hsv.toRgb(h, sat, max);
      d[p] = rgb[0];
      d[plane + p] = rgb[1];
      d[2 * plane + p] = rgb[2];
    }
  }

  /** PIL's luma, {@code L = 0.299 R + 0.587 G + 0.114 B}. */
  static float grey(float[] d, int p, int plane) {
    return 0.299f * d[p] + 0.587f * d[plane + p] + 0.114f * d[2 * plane + p];
  }

  private static float clip(float v) {
    return v < 0 ? 0 : (v > 1 ? 1 : v);
  }
}
