package org.fga.datasets.synthetic;

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
      // the extra kind, an elongated blob, has no PartStyle shape
      PartStyle.Shape shape = kind < shapes.length ? shapes[kind] : null;
      RotatedShape.raster(n, cx, cy, radius, angle, 1.8f, (p, u, v) -> {
        boolean inside = shape != null ? shape.contains(u, v) : u * u / 3f + v * v * 1.5f <= 1f;
        if (inside) {
          canvas.paint(p, c[0] * shade, c[1] * shade, c[2] * shade);
        }
      });
    }
  }
}
