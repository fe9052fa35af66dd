package org.fga.core.data.synthetic;

/**
 * The scratch surface a scene is painted on: planar RGB floats plus two label planes. Painting
 * is back to front, so a later object overwrites both the colour and the labels of an earlier
 * one and the masks always describe what is visible.
 */
final class Canvas {
  final int size;
  final float[] rgb;
  /** 0 for background, else 1 + the index of the visible object. */
  final byte[] object;
  /** 1 where the visible pixel belongs to a discriminative part. */
  final byte[] part;

  Canvas(int size) {
    this.size = size;
    this.rgb = new float[3 * size * size];
    this.object = new byte[size * size];
    this.part = new byte[size * size];
  }

  void paint(int p, float r, float g, float b) {
    int plane = size * size;
    rgb[p] = r;
    rgb[plane + p] = g;
    rgb[2 * plane + p] = b;
  }

  /** Multiplies every channel by its gain, adds noise and clips to [0, 1]. */
  void finish(float[] gain, float noise, Rng rng) {
    int plane = size * size;
    for (int c = 0; c < 3; c++) {
      float g = gain[c];
      int off = c * plane;
      for (int p = 0; p < plane; p++) {
        float v = rgb[off + p] * g;
        if (noise > 0) {
          v += noise * rng.nextGaussianFast();
        }
        rgb[off + p] = v < 0 ? 0 : (v > 1 ? 1 : v);
      }
    }
  }
}
