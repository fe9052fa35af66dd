package org.fga.datasets.synthetic;

/**
 * The one raster loop of the shapes drawn at any rotation ({@link Clutter}'s distractors and
 * {@link CoarseObject}'s objects): every pixel of the square that bounds the shape, clipped to the
 * canvas, is handed over with its centre's position in the shape's own frame (rotated by the
 * angle, in units of the radius), where the shape tests what is inside.
 */
final class RotatedShape {
  private RotatedShape() {}

  /** One pixel: its index in a plane of the canvas and its centre in the shape's frame. */
  @FunctionalInterface
  interface Pixel {
    void at(int p, float u, float v);
  }

  /**
   * Visits the pixels within {@code reach × radius} of ({@code cx}, {@code cy}) on an {@code n × n}
   * canvas; {@code reach} bounds how far the outline extends beyond the unit radius.
   */
  static void raster(int n, float cx, float cy, float radius, float angle, float reach, Pixel pixel) {
    float cos = (float) Math.cos(angle);
    float sin = (float) Math.sin(angle);
    float inv = 1f / radius;
    int extent = (int) Math.ceil(radius * reach);
    int x0 = Math.max(0, (int) cx - extent);
    int x1 = Math.min(n - 1, (int) cx + extent);
    int y0 = Math.max(0, (int) cy - extent);
    int y1 = Math.min(n - 1, (int) cy + extent);
    for (int y = y0; y <= y1; y++) {
      float dy = y + 0.5f - cy;
      for (int x = x0; x <= x1; x++) {
        float dx = x + 0.5f - cx;
        pixel.at(y * n + x, (cos * dx + sin * dy) * inv, (-sin * dx + cos * dy) * inv);
      }
    }
  }
}
