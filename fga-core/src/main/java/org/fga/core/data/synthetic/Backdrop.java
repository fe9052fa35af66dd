package org.fga.core.data.synthetic;

import java.util.Locale;

/**
 * Eight background kinds, each a texture with its own colour family. In a biased training split
 * the kind predicts the class, which is the shortcut the GAIN "boat on water" setting tests.
 */
enum Backdrop {
  WATER(0.16f, 0.36f, 0.62f),
  GRASS(0.22f, 0.52f, 0.18f),
  SKY(0.58f, 0.74f, 0.92f),
  SAND(0.80f, 0.70f, 0.48f),
  BRICK(0.62f, 0.28f, 0.20f),
  TILES(0.55f, 0.55f, 0.55f),
  FOREST(0.10f, 0.30f, 0.16f),
  STONE(0.42f, 0.40f, 0.46f);

  static final int COUNT = values().length;
  private static final int SIN_BITS = 10;
  private static final float[] SIN = sinTable();

  private final float r;
  private final float g;
  private final float b;

  Backdrop(float r, float g, float b) {
    this.r = r;
    this.g = g;
    this.b = b;
  }

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Fills the whole canvas with this texture, with random frequency, phase and tint. */
  void paint(Canvas canvas, Rng rng) {
    int n = canvas.size;
    float scale = 64f / n; // textures keep their look at any image size
    float f = rng.uniform(0.25f, 0.45f) * scale;
    float phase = rng.uniform(0, 6.2832f);
    float jr = rng.uniform(-0.06f, 0.06f);
    float jg = rng.uniform(-0.06f, 0.06f);
    float jb = rng.uniform(-0.06f, 0.06f);
    float cr = r + jr;
    float cg = g + jg;
    float cb = b + jb;
    float contrast = rng.uniform(0.18f, 0.30f);
    int tileSize = Math.max(2, Math.round(rng.uniform(6, 11) / scale));
    int offX = rng.nextInt(64);
    int offY = rng.nextInt(64);
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        float t = texture(x, y, f, phase, tileSize, offX, offY, rng); // in [-1, 1]
        float m = 1f + contrast * t;
        canvas.paint(y * n + x, cr * m, cg * m, cb * m);
      }
    }
  }

  private float texture(int x, int y, float f, float phase, int tile, int offX, int offY, Rng rng) {
    switch (this) {
      case WATER:
        return sin(f * y + 1.2f * sin(0.3f * f * x + phase) + phase);
      case GRASS:
        // tall thin blades: fast variation across x, slow along y
        return 0.7f * sin(2.3f * f * x + 0.4f * sin(0.5f * f * y) + phase) + 0.3f * sin(0.7f * f * x * 1.7f);
      case SKY:
        // brighter towards the top, with soft cloud banks
        return 0.7f * sin(0.35f * f * x + phase) * sin(0.4f * f * y + 2 * phase) + 0.5f - y * f / 24f;
      case SAND:
        return 0.5f * sin(f * (x + y) + phase) + 0.5f * (rng.nextFloat() * 2f - 1f);
      case BRICK: {
        int yy = y + offY;
        int row = yy / tile;
        int xx = x + offX + ((row & 1) == 0 ? 0 : tile);
        boolean mortar = yy % tile == 0 || xx % (2 * tile) == 0;
        return mortar ? 1.6f : -0.3f + 0.2f * sin(f * xx);
      }
      case TILES: {
        boolean dark = (((x + offX) / tile) + ((y + offY) / tile) & 1) == 0;
        return dark ? -1f : 1f;
      }
      case FOREST:
        return sin(0.8f * f * x + phase) * sin(0.9f * f * y - phase) * 1.3f;
      case STONE: {
        float dx = x - offX;
        float dy = y - offY;
        return sin((float) Math.sqrt(dx * dx + dy * dy) * f * 1.4f + phase);
      }
      default:
        throw new AssertionError(this);
    }
  }

  /** A table sine: per-pixel {@link Math#sin} would cost most of the frame budget. */
  static float sin(float a) {
    int i = (int) (a * (SIN.length / 6.2831855f));
    return SIN[i & (SIN.length - 1)];
  }

  private static float[] sinTable() {
    float[] t = new float[1 << SIN_BITS];
    for (int i = 0; i < t.length; i++) {
      t[i] = (float) Math.sin(i * 2 * Math.PI / t.length);
    }
    return t;
  }
}
