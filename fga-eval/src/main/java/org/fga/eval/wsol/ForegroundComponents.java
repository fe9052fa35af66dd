package org.fga.eval.wsol;

import org.fga.core.data.Box;

/**
 * The 8-connected components of a growing mask (union-find): each is one outer contour of
 * {@code cv2.findContours}. A component keeps its pixel count, bounding box, first pixel in raster
 * order (where OpenCV starts its outer contour), a lower bound of its contour area and, once
 * traced, the area itself. Pixels are only ever added, so components only grow and merge.
 *
 * <p>The lower bound: the outer contour runs through the centres of the border pixels, and the
 * region it encloses contains every 2×2 window of pixel centres whose 4 corners are in the
 * component (area 1) and the triangle of every window with 3 (area ½). Without holes that region is
 * all it encloses, so the count is the area; holes only add to it. Whether a component has holes
 * comes from its Euler number, Gray's bit-quad count for 8-connectivity, (Q1 − Q3 − 2·QD)/4 over
 * its 2×2 windows. All four corners of a window are 8-neighbours of each other, so a window's
 * pixels always belong to one component and both counts change only in the four windows of an
 * added pixel.
 *
 * <p>It also counts, per IoU threshold δ, the components whose protocol box meets δ (the
 * multi-contour mode's outer contours), updated only for components that changed.
 */
final class ForegroundComponents extends UnionFindComponents {
  private static final int STRIDE = 12;
  /** Smallest pixel index: the start of OpenCV's outer contour, and its discovery order. */
  private static final int FIRST = 5;
  /** Twice the area of the full and half windows (the lower bound of the contour area). */
  private static final int CELLS2 = 6;
  /** Twice the contour area, or −1 until traced since the last change. */
  private static final int AREA2 = 7;
  /** Bits of the δ its box meets, counted in goodCount. */
  private static final int GOOD = 8;
  /** Last bucket in which this root was re-scored. */
  private static final int STAMP = 9;
  /** Index in the list of live roots. */
  private static final int LIVE = 10;
  /** Four times the Euler number (components − holes) of the component alone: 4 − 4·holes. */
  private static final int EULER4 = 11;

  /** Twice the window area for k corners in the component: 3 → a half window, 4 → a whole one. */
  private static final int[] WINDOW2 = {0, 0, 0, 1, 2};

  private final IouBits iou;
  private int[] live = new int[0];
  private int liveCount;
  /** Σ EULER4 over the live components: 4·(components − holes) of the whole mask. */
  private int eulerSum4;

  ForegroundComponents(IouBits iou, int deltas) {
    super(STRIDE, GOOD, deltas);
    this.iou = iou;
  }

  void reset(int height, int width) {
    if (resetBase(height, width) || live.length < height * width) {
      live = new int[height * width];
    }
    liveCount = 0;
    eulerSum4 = 0;
  }

  /** True when some component of the mask has a hole (from the Euler numbers, no labelling). */
  boolean anyHoles() {
    return eulerSum4 != 4 * liveCount;
  }

  /** Adds pixel p, joined to its 8 neighbours in the mask; returns the root of its component. */
  int add(int p) {
    int y = p / w;
    int x = p - y * w;
    boolean l = x > 0;
    boolean r = x < w - 1;
    boolean u = y > 0;
    boolean d = y < h - 1;
    int[] par = parent;
    boolean nw = u && l && par[p - w - 1] >= 0;
    boolean n = u && par[p - w] >= 0;
    boolean ne = u && r && par[p - w + 1] >= 0;
    boolean west = l && par[p - 1] >= 0;
    boolean east = r && par[p + 1] >= 0;
    boolean sw = d && l && par[p + w - 1] >= 0;
    boolean s = d && par[p + w] >= 0;
    boolean se = d && r && par[p + w + 1] >= 0;
    // the four windows with p as a corner each gain a corner (p is the window's corner opposite
    // the diagonal neighbour)
    int cells2 = gain(nw, n, west) + gain(ne, n, east) + gain(sw, s, west) + gain(se, s, east);
    int euler4 = eulerGain(nw, n, west) + eulerGain(ne, n, east) + eulerGain(sw, s, west) + eulerGain(se, s, east);
    int root = -1;
    if (nw) {
      root = join(root, p - w - 1);
    }
    if (n) {
      root = join(root, p - w);
    }
    if (ne) {
      root = join(root, p - w + 1);
    }
    if (west) {
      root = join(root, p - 1);
    }
    if (east) {
      root = join(root, p + 1);
    }
    if (sw) {
      root = join(root, p + w - 1);
    }
    if (s) {
      root = join(root, p + w);
    }
    if (se) {
      root = join(root, p + w + 1);
    }
    int[] c = comp;
    if (root < 0) {
      int o = start(p, x, y);
      c[o + FIRST] = p;
      c[o + CELLS2] = 0;
      c[o + EULER4] = 4;
      c[o + AREA2] = 0;
      c[o + STAMP] = 0;
      c[o + LIVE] = liveCount;
      live[liveCount++] = p;
      eulerSum4 += 4;
      return p;
    }
    int o = grow(root, p, x, y);
    c[o + FIRST] = Math.min(c[o + FIRST], p);
    c[o + CELLS2] += cells2;
    c[o + EULER4] += euler4;
    eulerSum4 += euler4;
    c[o + AREA2] = -1;
    return root;
  }

  private static int gain(boolean diagonal, boolean vertical, boolean horizontal) {
    int k = (diagonal ? 1 : 0) + (vertical ? 1 : 0) + (horizontal ? 1 : 0);
    return WINDOW2[k + 1] - WINDOW2[k];
  }

  /**
   * Change of a window's bit-quad term (+1 for one corner, −1 for three, −2 for a diagonal pair)
   * when p joins the corners already there.
   */
  private static int eulerGain(boolean diagonal, boolean vertical, boolean horizontal) {
    int k = (diagonal ? 1 : 0) + (vertical ? 1 : 0) + (horizontal ? 1 : 0);
    int before = k == 1 ? 1 : k == 3 ? -1 : k == 2 && !diagonal ? -2 : 0;
    // after: k + 1 corners; two corners are a diagonal pair only if p's partner is the diagonal one
    int after = k == 0 ? 1 : k == 2 ? -1 : k == 1 && diagonal ? -2 : 0;
    return after - before;
  }

  /**
   * Re-scores the component of pixel p once per bucket {@code stamp} (after its pixels are in):
   * whether its box meets each δ.
   */
  void rescore(int p, int stamp) {
    int r = find(p);
    int o = r * STRIDE;
    if (comp[o + STAMP] == stamp) {
      return;
    }
    comp[o + STAMP] = stamp;
    forget(o);
    int bits = boxBits(r);
    comp[o + GOOD] = bits;
    for (int d = 0; d < goodCount.length; d++) {
      if ((bits & (1 << d)) != 0) {
        goodCount[d]++;
      }
    }
  }

  /** Bit d set when some component's box meets δ_d. */
  int anyGoodBits() {
    int bits = 0;
    for (int d = 0; d < goodCount.length; d++) {
      if (goodCount[d] > 0) {
        bits |= 1 << d;
      }
    }
    return bits;
  }

  /** The δ bits of the protocol box of root r. */
  int boxBits(int r) {
    int o = r * STRIDE;
    return iou.bits(comp[o + MIN_X], comp[o + MIN_Y], x1(o), y1(o));
  }

  /**
   * {@code boundingRect} gives x, y, w, h and the protocol takes x1 = x + w, y1 = y + h: one pixel
   * past the inclusive box, then clipped to the image.
   */
  private int x1(int o) {
    return Math.min(comp[o + MAX_X] + 1, w - 1);
  }

  private int y1(int o) {
    return Math.min(comp[o + MAX_Y] + 1, h - 1);
  }

  Box box(int r) {
    int o = r * STRIDE;
    return new Box(comp[o + MIN_X], comp[o + MIN_Y], x1(o), y1(o));
  }

  int liveCount() {
    return liveCount;
  }

  int liveRoot(int i) {
    return live[i];
  }

  /**
   * The root whose outer contour {@code max(contours, key=cv2.contourArea)} picks in the mask
   * {@code q > level}: the largest contour area, ties to the contour listed first. findContours
   * (RETR_TREE) lists contours depth-first with each level in reverse discovery order, so among the
   * top-level contours, the later first pixel comes first. A hole's area is at most that of the
   * contour around it, listed before it, and a component inside a hole is smaller than the
   * contour around that hole: the pick is always an outer contour of this list.
   */
  int largest(int[] q, int level) {
    if (liveCount == 1) {
      return live[0];
    }
    int[] c = comp;
    long bestLower = -1;
    for (int i = 0; i < liveCount; i++) {
      bestLower = Math.max(bestLower, c[live[i] * STRIDE + CELLS2]);
    }
    int best = -1;
    long bestArea = -1;
    for (int i = 0; i < liveCount; i++) {
      int r = live[i];
      int o = r * STRIDE;
      // the contour lies inside the box of pixel centres: its area is at most (bw−1)(bh−1)
      long upper2 = 2L * (c[o + MAX_X] - c[o + MIN_X]) * (c[o + MAX_Y] - c[o + MIN_Y]);
      if (upper2 < bestLower) {
        continue;
      }
      long a = twiceArea(q, level, r);
      if (a > bestArea || (a == bestArea && c[o + FIRST] > c[best * STRIDE + FIRST])) {
        bestArea = a;
        best = r;
      }
    }
    return best;
  }

  /**
   * Twice the contour area of root r at {@code level}: the window count for a component without
   * holes, else traced (once per change).
   */
  long twiceArea(int[] q, int level, int r) {
    int o = r * STRIDE;
    if (comp[o + EULER4] == 4) {
      return comp[o + CELLS2];
    }
    if (comp[o + AREA2] < 0) {
      comp[o + AREA2] = (int) ContourArea.twiceArea(q, h, w, level, comp[o + FIRST]);
    }
    return comp[o + AREA2];
  }


  @Override
  void merged(int ro, int co) {
    int[] c = comp;
    c[ro + FIRST] = Math.min(c[ro + FIRST], c[co + FIRST]);
    c[ro + CELLS2] += c[co + CELLS2];
    c[ro + EULER4] += c[co + EULER4];
    c[ro + AREA2] = -1;
    int i = c[co + LIVE];
    int last = live[--liveCount];
    live[i] = last;
    c[last * STRIDE + LIVE] = i;
  }

}
