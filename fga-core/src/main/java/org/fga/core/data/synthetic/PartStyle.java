package org.fga.core.data.synthetic;

import java.util.Locale;

/**
 * What tells the classes apart: the shape, colour and fill of the small "wing patch" on the
 * creature's body. Class {@code c} has shape {@code c % 4}, colour {@code (c / 4) % 8} and fill
 * {@code c / 32}, so neighbouring classes differ in shape only and colour alone never decides.
 *
 * @param shape the patch outline
 * @param colour index into {@link #COLOURS}
 * @param striped whether the patch has dark stripes across it
 */
record PartStyle(Shape shape, int colour, boolean striped) {
  static final int MAX_CLASSES = 64;

  /** Saturated part colours; distractor clutter uses the same palette so colour is not enough. */
  static final float[][] COLOURS = {
    {0.90f, 0.12f, 0.10f}, // red
    {0.12f, 0.30f, 0.95f}, // blue
    {0.98f, 0.85f, 0.10f}, // yellow
    {0.10f, 0.75f, 0.20f}, // green
    {0.85f, 0.15f, 0.85f}, // magenta
    {0.10f, 0.85f, 0.90f}, // cyan
    {0.97f, 0.97f, 0.97f}, // white
    {0.98f, 0.50f, 0.05f}, // orange
  };

  private static final String[] COLOUR_NAMES = {
    "red", "blue", "yellow", "green", "magenta", "cyan", "white", "orange"
  };

  /** The outline of the patch, tested in the creature's own (rotated, scaled) frame. */
  enum Shape {
    DISC,
    SQUARE,
    TRIANGLE,
    BAR;

    /** Whether the point (u, v), in units of the patch radius, lies inside this outline. */
    boolean contains(float u, float v) {
      return switch (this) {
        case DISC -> u * u + v * v <= 1f;
        case SQUARE -> Math.abs(u) <= 0.8f && Math.abs(v) <= 0.8f;
          // apex up (negative v), base down; wider than tall so that it reads at 8 px
        case TRIANGLE -> v <= 0.75f && v >= -1f && Math.abs(u) <= (v + 1f) * 0.6f;
          // a long bar across the body: unlike a diamond it cannot pass for a tilted square
        case BAR -> Math.abs(u) <= 1.1f && Math.abs(v) <= 0.42f;
      };
    }
  }

  static PartStyle ofClass(int c) {
    if (c < 0 || c >= MAX_CLASSES) {
      throw new IllegalArgumentException("class " + c + " outside 0.." + (MAX_CLASSES - 1));
    }
    return new PartStyle(Shape.values()[c % 4], (c / 4) % 8, c / 32 == 1);
  }

  float[] rgb() {
    return COLOURS[colour];
  }

  /** A readable class name such as {@code red_disc} or {@code blue_square_striped}. */
  String className() {
    return COLOUR_NAMES[colour]
        + "_"
        + shape.name().toLowerCase(Locale.ROOT)
        + (striped ? "_striped" : "");
  }
}
