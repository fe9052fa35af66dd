package org.fga.datasets.synthetic;

/**
 * The scratch surface a scene is painted on: planar RGB floats plus two label planes. Painting is
 * back to front, so a later object overwrites both the colour and the labels of an earlier one and
 * the masks always describe what is visible.
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

  /**
   * Multiplies every channel by its gain, adds noise and clips to [0, 1]. One 64-bit draw gives the
   * noise of all three channels of a pixel (each the sum of two 10-bit uniforms: triangular, unit
   * variance after scaling), which keeps noise from dominating the frame time.
   */
  void finish(float[] gain, float noise, Rng rng) {
    int plane = size * size;
    float g0 = gain[0];
    float g1 = gain[1];
    float g2 = gain[2];
    // two U{0..1023} sum to mean 1023 and variance 2 * (1024^2 - 1) / 12
    float k = noise / 418.0f;
    for (int p = 0; p < plane; p++) {
      long r = rng.nextLong();
      float n0 = k * ((int) (r & 1023) + (int) ((r >>> 10) & 1023) - 1023);
      float n1 = k * ((int) ((r >>> 20) & 1023) + (int) ((r >>> 30) & 1023) - 1023);
      float n2 = k * ((int) ((r >>> 40) & 1023) + (int) ((r >>> 50) & 1023) - 1023);
      rgb[p] = clip(rgb[p] * g0 + n0);
      rgb[plane + p] = clip(rgb[plane + p] * g1 + n1);
      rgb[2 * plane + p] = clip(rgb[2 * plane + p] * g2 + n2);
    }
  }

  private static float clip(float v) {
    return v < 0 ? 0 : (v > 1 ? 1 : v);
  }
}
