package org.fga.datasets.synthetic;

/**
 * The second small detail of a re-ID identity, besides its wing patch: a cap on the crown, a spot
 * on the throat or a band at the tail tip, in one of a few colours, or nothing. Each covers about
 * 20-35 pixels of a 64 px image, so it is visible but easy to miss.
 *
 * @param kind where the marking sits, or {@link Kind#NONE}
 * @param colour index into {@link #COLOURS}; 0 when {@code kind} is NONE
 */
record Marking(Kind kind, int colour) {
  /** Dark, white and yellow: none of them is a body colour of {@link BodyPalette}. */
  private static final float[][] COLOURS = {
    {0.10f, 0.09f, 0.08f}, {0.95f, 0.95f, 0.92f}, {0.95f, 0.80f, 0.15f},
  };

  static final Marking NONE = new Marking(Kind.NONE, 0);

  /** Distinct markings: no marking, or one of three places in one of three colours. */
  static final int COUNT = 1 + (Kind.values().length - 1) * COLOURS.length;

  enum Kind {
    NONE,
    CAP,
    THROAT,
    TAIL_TIP
  }

  /** Marking {@code index} in 0..COUNT-1; 0 is no marking. */
  static Marking ofIndex(int index) {
    if (index < 0 || index >= COUNT) {
      throw new IllegalArgumentException("marking " + index + " outside 0.." + (COUNT - 1));
    }
    if (index == 0) {
      return NONE;
    }
    int k = index - 1;
    return new Marking(Kind.values()[1 + k / COLOURS.length], k % COLOURS.length);
  }

  float[] rgb() {
    return COLOURS[colour];
  }

  boolean is(Kind k) {
    return kind == k;
  }
}
