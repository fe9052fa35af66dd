package org.fga.datasets.synthetic;

/**
 * The body colours that re-ID identities share, as many people in a re-ID set wear the same dull
 * coat. Muted and kept below 0.6 so that the brightest camera does not clip them: two identities
 * of one palette colour then give the same pixels, up to shading, wherever they are seen.
 */
final class BodyPalette {
  private static final float[][] COLOURS = {
    {0.45f, 0.38f, 0.30f}, // brown
    {0.33f, 0.38f, 0.48f}, // slate
    {0.42f, 0.45f, 0.28f}, // olive
    {0.55f, 0.33f, 0.25f}, // rust
    {0.42f, 0.42f, 0.42f}, // grey
    {0.28f, 0.45f, 0.44f}, // teal
    {0.45f, 0.30f, 0.42f}, // plum
    {0.58f, 0.52f, 0.38f}, // sand
  };

  /** How many colours a palette can have; {@code data.bodyColours} is at most this. */
  static final int MAX = COLOURS.length;

  private BodyPalette() {}

  /** Colour {@code index} of the palette (a copy, callers may scale it). */
  static float[] colour(int index) {
    return COLOURS[index].clone();
  }
}
