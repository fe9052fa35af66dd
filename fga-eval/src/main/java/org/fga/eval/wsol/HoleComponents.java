package org.fga.eval.wsol;

import org.fga.core.data.Box;

/**
 * The 4-connected components of a growing background (union-find), for the hole contours of
 * {@code cv2.findContours(RETR_TREE)}: a background component that does not reach the image edge
 * (findContours pads the image with background, so one that does is outside everything) is a
 * hole, and OpenCV traces one hole contour around it, through the foreground pixels 4-adjacent
 * to it. Their bounding rectangle is the hole's box grown by one pixel on every side.
 *
 * <p>As the threshold rises the background only grows, so this sweep runs from the lowest level
 * up. It counts, per IoU threshold δ, the holes whose protocol box meets δ (multi-contour mode).
 */
final class HoleComponents extends UnionFindComponents {
  private static final int STRIDE = 8;
  /** 1 when the component reaches the image edge (not a hole). */
  private static final int EDGE = 5;
  private static final int GOOD = 6;
  private static final int STAMP = 7;

  private final IouBits iou;

  HoleComponents(IouBits iou, int deltas) {
    super(STRIDE, GOOD, deltas);
    this.iou = iou;
  }

  void reset(int height, int width) {
    resetBase(height, width);
  }

  /** Adds background pixel p, joined to its 4 neighbours in the background; returns its root. */
  int add(int p) {
    int y = p / w;
    int x = p - y * w;
    int root = -1;
    if (y > 0 && parent[p - w] >= 0) {
      root = join(root, p - w);
    }
    if (x > 0 && parent[p - 1] >= 0) {
      root = join(root, p - 1);
    }
    if (x < w - 1 && parent[p + 1] >= 0) {
      root = join(root, p + 1);
    }
    if (y < h - 1 && parent[p + w] >= 0) {
      root = join(root, p + w);
    }
    int edge = x == 0 || y == 0 || x == w - 1 || y == h - 1 ? 1 : 0;
    int[] c = comp;
    if (root < 0) {
      int o = start(p, x, y);
      c[o + EDGE] = edge;
      c[o + STAMP] = 0;
      return p;
    }
    int o = grow(root, p, x, y);
    c[o + EDGE] |= edge;
    return root;
  }

  /** Re-scores the component of pixel p (best: a root returned by {@link #add}) once per bucket {@code stamp}. */
  void rescore(int p, int stamp) {
    int r = find(p);
    int o = r * STRIDE;
    if (comp[o + STAMP] == stamp) {
      return;
    }
    comp[o + STAMP] = stamp;
    forget(o);
    if (comp[o + EDGE] != 0) {
      return;
    }
    int bits = iou.bits(comp[o + MIN_X] - 1, comp[o + MIN_Y] - 1, x1(o), y1(o));
    comp[o + GOOD] = bits;
    for (int d = 0; d < goodCount.length; d++) {
      if ((bits & (1 << d)) != 0) {
        goodCount[d]++;
      }
    }
  }

  /** The hole contour's boundingRect is x1 = maxX + 1 inclusive, so the protocol's x + w is maxX + 2. */
  private int x1(int o) {
    return Math.min(comp[o + MAX_X] + 2, w - 1);
  }

  private int y1(int o) {
    return Math.min(comp[o + MAX_Y] + 2, h - 1);
  }

  /** Bit d set when some hole's box meets δ_d. */
  int anyGoodBits() {
    int bits = 0;
    for (int d = 0; d < goodCount.length; d++) {
      if (goodCount[d] > 0) {
        bits |= 1 << d;
      }
    }
    return bits;
  }

  /** True when p's component is a hole (does not reach the image edge). */
  boolean isHoleRoot(int r) {
    return parent[r] == r && comp[r * STRIDE + EDGE] == 0;
  }

  boolean contains(int p) {
    return parent[p] >= 0;
  }

  Box holeBox(int r) {
    int o = r * STRIDE;
    return new Box(comp[o + MIN_X] - 1, comp[o + MIN_Y] - 1, x1(o), y1(o));
  }


  @Override
  void merged(int ro, int co) {
    comp[ro + EDGE] |= comp[co + EDGE];
  }

}
