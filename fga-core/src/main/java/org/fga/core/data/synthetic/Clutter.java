package org.fga.core.data.synthetic;

/**
 * Distractor shapes on the background, in the same colours and outlines as the class parts, so that
 * "is there a red triangle somewhere" does not solve the task: the part has to be on the creature.
 * Painted before the creatures, so they never cover one.
 */
final class Clutter {
  private Clutter() {}

  static void paint(Canvas canvas, int count, Rng rng) {
    int n = canvas.size;
    PartStyle.Shape[] shapes = PartStyle.Shape.values();
    for (int k = 0; k < count; k++) {
      float[] c = PartStyle.COLOURS[rng.nextInt(PartStyle.COLOURS.length)];
      float shade = rng.uniform(0.6f, 1.0f);
      int kind = rng.nextInt(shapes.length + 1); // the extra kind is an elongated blob
      float radius = n * rng.uniform(0.035f, 0.08f);
      float cx = rng.uniform(0, n);
      float cy = rng.uniform(0, n);
      float angle = rng.uniform(0, 6.2832f);
      float cos = (float) Math.cos(angle);
      float sin = (float) Math.sin(angle);
      float inv = 1f / radius;
      int reach = (int) Math.ceil(radius * 1.8f);
      int x0 = Math.max(0, (int) cx - reach);
      int x1 = Math.min(n - 1, (int) cx + reach);
      int y0 = Math.max(0, (int) cy - reach);
      int y1 = Math.min(n - 1, (int) cy + reach);
      for (int y = y0; y <= y1; y++) {
        float dy = y + 0.5f - cy;
        for (int x = x0; x <= x1; x++) {
          float dx = x + 0.5f - cx;
          float u = (cos * dx + sin * dy) * inv;
          float v = (-sin * dx + cos * dy) * inv;
          boolean inside =
              kind < shapes.length ? shapes[kind].contains(u, v) : u * u / 3f + v * v * 1.5f <= 1f;
          if (inside) {
            canvas.paint(y * n + x, c[0] * shade, c[1] * shade, c[2] * shade);
          }
        }
      }
    }
  }
}
