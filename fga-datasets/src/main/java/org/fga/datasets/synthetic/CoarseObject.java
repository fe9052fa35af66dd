package org.fga.datasets.synthetic;

import java.util.Locale;

/**
 * The pretraining task's objects: one large shape whose outline and colour family are the class,
 * drawn at any scale, position and rotation, with a random surface texture, on any background.
 * Class {@code c} has outline {@code c % 8} and colour family {@code c / 8}, so 64 coarse classes
 * in all. Nothing here is a creature or a part: the fine-grained task's classes (a small patch on
 * a creature) never appear in a pretraining image, as ImageNet's classes are not CUB's species.
 */
final class CoarseObject {
  /** Outlines × colour families. */
  static final int MAX_CLASSES = 64;

  private static final int FAMILIES = 8;

  private CoarseObject() {}

  /** The outline of the object, tested in its own (rotated, unit-radius) frame. */
  enum Outline {
    DISC,
    SQUARE,
    TRIANGLE,
    BAR,
    RING,
    CROSS,
    STAR,
    CRESCENT;

    boolean contains(float u, float v) {
      return switch (this) {
        case DISC -> u * u + v * v <= 1f;
        case SQUARE -> Math.abs(u) <= 0.8f && Math.abs(v) <= 0.8f;
        case TRIANGLE -> v <= 0.75f && v >= -1f && Math.abs(u) <= (v + 1f) * 0.6f;
        case BAR -> Math.abs(u) <= 1.1f && Math.abs(v) <= 0.38f;
        case RING -> {
          float r2 = u * u + v * v;
          yield r2 <= 1f && r2 >= 0.36f;
        }
        case CROSS -> (Math.abs(u) <= 0.3f && Math.abs(v) <= 1f) || (Math.abs(v) <= 0.3f && Math.abs(u) <= 1f);
        case STAR -> {
          float r = (float) Math.sqrt(u * u + v * v);
          float a = (float) Math.atan2(v, u);
          // five points: the radius swings between 0.45 and 1 with the angle
          yield r <= 0.45f + 0.55f * Math.abs((float) Math.cos(2.5f * a));
        }
        case CRESCENT -> u * u + v * v <= 1f && (u - 0.45f) * (u - 0.45f) + v * v > 0.6f;
      };
    }
  }

  static Outline outlineOf(int c) {
    return Outline.values()[c % Outline.values().length];
  }

  static int familyOf(int c) {
    return c / Outline.values().length;
  }

  /** A readable name such as {@code coarse_hue3_ring}; no fine-grained class name looks like it. */
  static String className(int c) {
    check(c);
    return "coarse_hue" + familyOf(c) + "_" + outlineOf(c).name().toLowerCase(Locale.ROOT);
  }

  static void check(int c) {
    if (c < 0 || c >= MAX_CLASSES) {
      throw new IllegalArgumentException("coarse class " + c + " outside 0.." + (MAX_CLASSES - 1));
    }
  }

  /**
   * Paints class {@code c}'s object on {@code canvas} as object 1: colour family {@code c / 8} is a
   * band of hues (an eighth of the circle, jittered inside it) with random saturation and value;
   * radius 0.18..0.42 of the image; anywhere that keeps its centre inside; any rotation; a solid,
   * striped or checked surface.
   */
  static void paint(Canvas canvas, int c, Rng rng) {
    check(c);
    int n = canvas.size;
    Outline outline = outlineOf(c);
    float hue = (familyOf(c) + rng.uniform(0.1f, 0.9f)) / FAMILIES;
    float[] rgb = Creature.hsv(hue, rng.uniform(0.55f, 0.95f), rng.uniform(0.55f, 0.95f));
    float radius = rng.uniform(0.18f, 0.42f) * n;
    float cx = rng.uniform(radius * 0.6f, n - radius * 0.6f);
    float cy = rng.uniform(radius * 0.6f, n - radius * 0.6f);
    float angle = rng.uniform(0, 6.2832f);
    int texture = rng.nextInt(3);
    float period = rng.uniform(0.25f, 0.5f);
    RotatedShape.raster(n, cx, cy, radius, angle, 1.2f, (p, u, v) -> {
      if (!outline.contains(u, v)) {
        return;
      }
      int su = (int) Math.floor(u / period);
      int sv = (int) Math.floor(v / period);
      boolean dark =
          switch (texture) {
            case 1 -> (su & 1) == 0;
            case 2 -> ((su + sv) & 1) == 0;
            default -> false;
          };
      float k = (dark ? 0.6f : 1f) * (1.05f - 0.15f * (u * u + v * v));
      canvas.paint(p, rgb[0] * k, rgb[1] * k, rgb[2] * k);
      canvas.object[p] = 1;
      canvas.part[p] = 0;
    });
  }
}
