package org.fga.datasets.synthetic;

import java.util.Locale;

/**
 * What tells the classes apart: the shape, colour, fill and place of the small patch on the
 * creature's body. Class {@code c} has shape {@code c % 4}, colour {@code (c / 4) % 8}, fill
 * {@code (c / 32) % 2} and place {@code c / 64}, so neighbouring classes differ in shape only and
 * colour alone never decides; up to 256 classes (CUB has 200).
 *
 * @param shape the patch outline
 * @param colour index into {@link #COLOURS}
 * @param striped whether the patch has dark stripes across it
 * @param place where on the body the patch sits (class {@code c / 64}): 0 wing, 1 breast, 2 rump,
 *     3 shoulder; the first 64 classes all have the wing patch
 */
record PartStyle(Shape shape, int colour, boolean striped, int place) {
  static final int MAX_CLASSES = 256;

  /** Patch centres (u, v) in body lengths for each place; all inside the body ellipse. */
  private static final float[][] PLACES = {{-0.06f, -0.02f}, {0.12f, 0.10f}, {-0.26f, 0.02f}, {0.20f, -0.10f}};

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
    return new PartStyle(Shape.values()[c % 4], (c / 4) % 8, (c / 32) % 2 == 1, c / 64);
  }

  private static final String[] PLACE_NAMES = {"", "_breast", "_rump", "_shoulder"};

  /** Centre of the patch in the creature's frame, in body lengths. */
  float u() {
    return PLACES[place][0];
  }

  float v() {
    return PLACES[place][1];
  }

  float[] rgb() {
    return COLOURS[colour];
  }

  /** A readable class name such as {@code red_disc} or {@code blue_square_striped_rump}. */
  String className() {
    return COLOUR_NAMES[colour]
        + "_"
        + shape.name().toLowerCase(Locale.ROOT)
        + (striped ? "_striped" : "")
        + (place == 0 ? "" : PLACE_NAMES[place]);
  }
}
