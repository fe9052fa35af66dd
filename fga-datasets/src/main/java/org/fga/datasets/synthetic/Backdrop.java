package org.fga.datasets.synthetic;

import java.util.Locale;

/**
 * Eight background kinds, each a texture with its own colour family. In a biased training split the
 * kind predicts the class, which is the shortcut the GAIN "boat on water" setting tests.
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
    float cr = r + rng.uniform(-0.06f, 0.06f);
    float cg = g + rng.uniform(-0.06f, 0.06f);
    float cb = b + rng.uniform(-0.06f, 0.06f);
    float contrast = rng.uniform(0.18f, 0.30f);
    int tile = Math.max(2, Math.round(rng.uniform(6, 11) / scale));
    int offX = rng.nextInt(64);
    int offY = rng.nextInt(64);
    float[] t = new float[n * n]; // texture value in about [-1, 1]
    float[] col = new float[n];
    float[] row = new float[n];
    switch (this) {
      case WATER -> {
        for (int x = 0; x < n; x++) {
          col[x] = 1.2f * sin(0.3f * f * x + phase) + phase;
        }
        for (int y = 0; y < n; y++) {
          for (int x = 0; x < n; x++) {
            t[y * n + x] = sin(f * y + col[x]);
          }
        }
      }
      case GRASS -> {
        // tall thin blades: fast variation across x, slow along y
        for (int y = 0; y < n; y++) {
          row[y] = 0.4f * sin(0.5f * f * y);
        }
        for (int x = 0; x < n; x++) {
          col[x] = 0.3f * sin(1.2f * f * x);
        }
        for (int y = 0; y < n; y++) {
          for (int x = 0; x < n; x++) {
            t[y * n + x] = 0.7f * sin(2.3f * f * x + row[y] + phase) + col[x];
          }
        }
      }
      case SKY -> {
        // brighter towards the top, with soft cloud banks
        for (int x = 0; x < n; x++) {
          col[x] = 0.7f * sin(0.35f * f * x + phase);
        }
        for (int y = 0; y < n; y++) {
          row[y] = sin(0.4f * f * y + 2 * phase);
          for (int x = 0; x < n; x++) {
            t[y * n + x] = col[x] * row[y] + 0.5f - y * f / 24f;
          }
        }
      }
      case SAND -> {
        for (int y = 0; y < n; y++) {
          for (int x = 0; x < n; x++) {
            t[y * n + x] = 0.5f * sin(f * (x + y) + phase) + (rng.nextFloat() - 0.5f);
          }
        }
      }
      case BRICK -> {
        for (int y = 0; y < n; y++) {
          int yy = y + offY;
          int shift = ((yy / tile) & 1) == 0 ? 0 : tile;
          for (int x = 0; x < n; x++) {
            int xx = x + offX + shift;
            boolean mortar = yy % tile == 0 || xx % (2 * tile) == 0;
            t[y * n + x] = mortar ? 1.6f : -0.3f + 0.2f * sin(f * xx);
          }
        }
      }
      case TILES -> {
        for (int y = 0; y < n; y++) {
          int ty = (y + offY) / tile;
          for (int x = 0; x < n; x++) {
            t[y * n + x] = ((((x + offX) / tile) + ty) & 1) == 0 ? -1f : 1f;
          }
        }
      }
      case FOREST -> {
        for (int x = 0; x < n; x++) {
          col[x] = 1.3f * sin(0.8f * f * x + phase);
        }
        for (int y = 0; y < n; y++) {
          float ry = sin(0.9f * f * y - phase);
          for (int x = 0; x < n; x++) {
            t[y * n + x] = col[x] * ry;
          }
        }
      }
      case STONE -> {
        float k = f * 1.4f;
        for (int y = 0; y < n; y++) {
          float dy = (y - offY) * (y - offY);
          for (int x = 0; x < n; x++) {
            float dx = x - offX;
            t[y * n + x] = sin((float) Math.sqrt(dx * dx + dy) * k + phase);
          }
        }
      }
      default -> throw new AssertionError(this);
    }
    int plane = n * n;
    float[] rgb = canvas.rgb;
    for (int p = 0; p < plane; p++) {
      float m = 1f + contrast * t[p];
      rgb[p] = cr * m;
      rgb[plane + p] = cg * m;
      rgb[2 * plane + p] = cb * m;
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
