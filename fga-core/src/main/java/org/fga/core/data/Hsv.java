package org.fga.core.data;

/** HSV to RGB, all in [0, 1]; the hue wraps around. */
public final class Hsv {
  private Hsv() {}

  public static float[] toRgb(float h, float s, float v) {
    float hh = (h - (float) Math.floor(h)) * 6f;
    int i = Math.min((int) hh, 5);
    float f = hh - i;
    float p = v * (1 - s);
    float q = v * (1 - s * f);
    float t = v * (1 - s * (1 - f));
    return switch (i) {
      case 0 -> new float[] {v, t, p};
      case 1 -> new float[] {q, v, p};
      case 2 -> new float[] {p, v, t};
      case 3 -> new float[] {p, q, v};
      case 4 -> new float[] {t, p, v};
      default -> new float[] {v, p, q};
    };
  }
}
