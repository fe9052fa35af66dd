package org.fga.datasets.fashion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fga.core.data.Box;
import org.fga.core.data.FloatImage;
import org.fga.core.data.Mask;

/**
 * Draws images from garments: the plain 28x28 garment, or a cluttered canvas. Pure functions of
 * their arguments and the generator handed in, which is what makes a canvas depend on (seed, split,
 * index) alone.
 */
public final class Canvases {
  /** Brightest value of the optional background texture. */
  static final float TEXTURE_LEVEL = 0.3f;

  /** Cells per side of the texture's random grid, upsampled bilinearly to the canvas. */
  static final int TEXTURE_CELLS = 6;

  private Canvases() {}

  /**
   * Garment {@code i} of {@code g} scaled to {@code side} squared, bilinear with half-pixel
   * centres (PyTorch's {@code align_corners=False}), edges clamped; {@code side == 28} is the
   * garment itself.
   */
  public static float[] scaled(Garments g, int i, int side) {
    float[] src = g.image(i);
    if (side == Garments.SIDE) {
      return src;
    }
    int n = Garments.SIDE;
    float[] out = new float[side * side];
    double f = (double) n / side;
    for (int y = 0; y < side; y++) {
      double sy = Math.min(Math.max((y + 0.5) * f - 0.5, 0), n - 1);
      int y0 = (int) sy;
      int y1 = Math.min(y0 + 1, n - 1);
      double wy = sy - y0;
      for (int x = 0; x < side; x++) {
        double sx = Math.min(Math.max((x + 0.5) * f - 0.5, 0), n - 1);
        int x0 = (int) sx;
        int x1 = Math.min(x0 + 1, n - 1);
        double wx = sx - x0;
        double top = src[y0 * n + x0] * (1 - wx) + src[y0 * n + x1] * wx;
        double bottom = src[y1 * n + x0] * (1 - wx) + src[y1 * n + x1] * wx;
        out[y * side + x] = (float) (top * (1 - wy) + bottom * wy);
      }
    }
    return out;
  }

  /** The plain garment: 28x28, mask above {@code threshold}, its tight box. */
  static FashionScene plain(Garments g, int i, double threshold) {
    float[] v = g.image(i);
    byte[] inst = new byte[v.length];
    for (int p = 0; p < v.length; p++) {
      inst[p] = v[p] > threshold ? (byte) 1 : 0;
    }
    Mask m = new Mask(Garments.SIDE, Garments.SIDE, inst);
    Box box = m.bounds();
    int[] classes = {g.label(i)};
    List<Box> boxes = List.of(box == null ? new Box(0, 0, Garments.SIDE - 1, Garments.SIDE - 1) : box);
    return new FashionScene(grey(Garments.SIDE, v), m, classes, boxes,
        List.of(new Box(0, 0, Garments.SIDE - 1, Garments.SIDE - 1)), List.of(new FashionScene.Garment(g.part(), i)), List.of(), -1, -1);
  }

  /**
   * A cluttered canvas: the texture (if asked), then the clutter patches, then the garments, each
   * pasted with the pixel-wise maximum (bright garments on black, as Jaderberg et al.'s digits).
   *
   * @param objects the garments to place (indices into {@code g}), in painting order
   * @param clutterPool garments (indices into {@code g}) patches may be cut from; never any of
   *     {@code objects}
   */
  static FashionScene cluttered(
      FashionMnistConfig cfg, Garments g, int[] objects, int[] clutterPool, SplitMix rng,
      int identity, int view) {
    FashionMnistConfig.Cluttered c = cfg.cluttered();
    int n = cfg.imageSize();
    float thr = (float) cfg.maskThreshold();
    int gMin = c.garmentSize().get(0);
    int gMax = c.garmentSize().get(1);
    float[] canvas = new float[n * n];
    if (c.background().equals("texture")) {
      texture(canvas, n, rng);
    }
    List<FashionScene.Garment> clutterFrom = new ArrayList<>();
    for (int k = 0; k < c.clutter() && clutterPool.length > 0; k++) {
      int j = clutterPool[rng.nextInt(clutterPool.length)];
      for (int tries = 0; contains(objects, j) && tries < 8; tries++) {
        j = clutterPool[rng.nextInt(clutterPool.length)];
      }
      if (contains(objects, j)) {
        continue; // a pool of the object alone: no other garment to cut from
      }
      int s = rng.between(gMin, gMax);
      float[] src = scaled(g, j, s);
      int side = Math.min(c.clutterSize(), s);
      // centre the patch on a pixel of the garment, so that patches are pieces of cloth rather than
      // the black margin of the 28x28 photo
      int py = s / 2;
      int px = s / 2;
      for (int tries = 0; tries < 32; tries++) {
        int y = rng.nextInt(s);
        int x = rng.nextInt(s);
        if (src[y * s + x] > thr) {
          py = y;
          px = x;
          break;
        }
      }
      int sy = clamp(py - side / 2, 0, s - side);
      int sx = clamp(px - side / 2, 0, s - side);
      int cy = rng.nextInt(n - side + 1);
      int cx = rng.nextInt(n - side + 1);
      for (int y = 0; y < side; y++) {
        for (int x = 0; x < side; x++) {
          int p = (cy + y) * n + cx + x;
          canvas[p] = Math.max(canvas[p], src[(sy + y) * s + sx + x]);
        }
      }
      clutterFrom.add(new FashionScene.Garment(g.part(), j));
    }
    byte[] inst = new byte[n * n];
    List<int[]> placed = new ArrayList<>();
    for (int o = 0; o < objects.length; o++) {
      int s = rng.between(gMin, gMax);
      int[] at = place(c.placement(), n, s, rng);
      // a second garment is moved until it overlaps the first little (IoU of the squares < 0.2),
      // so that both stay visible; after 20 tries the last place stands
      for (int tries = 0; tries < 20 && overlaps(at, s, placed); tries++) {
        at = place(c.placement(), n, s, rng);
      }
      placed.add(new int[] {at[0], at[1], s});
      float[] src = scaled(g, objects[o], s);
      for (int y = 0; y < s; y++) {
        for (int x = 0; x < s; x++) {
          int p = (at[0] + y) * n + at[1] + x;
          float v = src[y * s + x];
          canvas[p] = Math.max(canvas[p], v);
          if (v > thr) {
            inst[p] = (byte) (o + 1);
          }
        }
      }
    }
    return scene(canvas, inst, n, g, objects, placed, clutterFrom, identity, view);
  }

  /** Reads the garments' visible boxes off the instance map; a garment hidden entirely is dropped. */
  private static FashionScene scene(float[] canvas, byte[] inst, int n, Garments g, int[] objects,
      List<int[]> placed, List<FashionScene.Garment> clutter, int identity, int view) {
    int k = objects.length;
    int[] x0 = new int[k];
    int[] y0 = new int[k];
    int[] x1 = new int[k];
    int[] y1 = new int[k];
    Arrays.fill(x0, Integer.MAX_VALUE);
    Arrays.fill(y0, Integer.MAX_VALUE);
    Arrays.fill(x1, -1);
    Arrays.fill(y1, -1);
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        int id = inst[y * n + x];
        if (id > 0) {
          x0[id - 1] = Math.min(x0[id - 1], x);
          y0[id - 1] = Math.min(y0[id - 1], y);
          x1[id - 1] = Math.max(x1[id - 1], x);
          y1[id - 1] = Math.max(y1[id - 1], y);
        }
      }
    }
    int[] remap = new int[k + 1];
    List<Box> boxes = new ArrayList<>();
    List<Box> frames = new ArrayList<>();
    List<FashionScene.Garment> garments = new ArrayList<>();
    int[] classes = new int[k];
    int kept = 0;
    for (int o = 0; o < k; o++) {
      if (x1[o] >= 0) {
        classes[kept] = g.label(objects[o]);
        boxes.add(new Box(x0[o], y0[o], x1[o], y1[o]));
        int[] q = placed.get(o);
        frames.add(new Box(q[1], q[0], q[1] + q[2] - 1, q[0] + q[2] - 1));
        garments.add(new FashionScene.Garment(g.part(), objects[o]));
        remap[o + 1] = ++kept;
      }
    }
    if (kept != k) {
      for (int p = 0; p < inst.length; p++) {
        inst[p] = (byte) remap[inst[p]];
      }
    }
    return new FashionScene(grey(n, canvas), new Mask(n, n, inst), Arrays.copyOf(classes, kept),
        List.copyOf(boxes), List.copyOf(frames), List.copyOf(garments), List.copyOf(clutter), identity, view);
  }

  private static int[] place(String placement, int n, int s, SplitMix rng) {
    if (placement.equals("centre")) {
      int r = n / 8;
      int mid = (n - s) / 2;
      return new int[] {clamp(mid + rng.between(-r, r), 0, n - s), clamp(mid + rng.between(-r, r), 0, n - s)};
    }
    return new int[] {rng.nextInt(n - s + 1), rng.nextInt(n - s + 1)};
  }

  private static boolean overlaps(int[] at, int s, List<int[]> placed) {
    for (int[] q : placed) {
      Box a = new Box(at[1], at[0], at[1] + s - 1, at[0] + s - 1);
      Box b = new Box(q[1], q[0], q[1] + q[2] - 1, q[0] + q[2] - 1);
      if (a.iou(b) >= 0.2) {
        return true;
      }
    }
    return false;
  }

  private static void texture(float[] canvas, int n, SplitMix rng) {
    int m = TEXTURE_CELLS + 1;
    float[] grid = new float[m * m];
    for (int p = 0; p < grid.length; p++) {
      grid[p] = (float) (rng.nextDouble() * TEXTURE_LEVEL);
    }
    for (int y = 0; y < n; y++) {
      double gy = (double) y / (n - 1) * TEXTURE_CELLS;
      int y0 = Math.min((int) gy, TEXTURE_CELLS - 1);
      double wy = gy - y0;
      for (int x = 0; x < n; x++) {
        double gx = (double) x / (n - 1) * TEXTURE_CELLS;
        int x0 = Math.min((int) gx, TEXTURE_CELLS - 1);
        double wx = gx - x0;
        double top = grid[y0 * m + x0] * (1 - wx) + grid[y0 * m + x0 + 1] * wx;
        double bottom = grid[(y0 + 1) * m + x0] * (1 - wx) + grid[(y0 + 1) * m + x0 + 1] * wx;
        canvas[y * n + x] = (float) (top * (1 - wy) + bottom * wy);
      }
    }
  }

  private static FloatImage grey(int n, float[] v) {
    float[] rgb = new float[3 * v.length];
    for (int ch = 0; ch < 3; ch++) {
      System.arraycopy(v, 0, rgb, ch * v.length, v.length);
    }
    return new FloatImage(3, n, n, rgb);
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
