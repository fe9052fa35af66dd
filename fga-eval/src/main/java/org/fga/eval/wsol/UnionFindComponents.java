package org.fga.eval.wsol;

import java.util.Arrays;

/**
 * The union-find both component trackers of a threshold sweep share: pixels join their
 * 8-neighbours' components (union by size, path compression), every root keeps a record of ints
 * (size and bounding box first, then what the subclass adds) and the bits of the IoU thresholds
 * its box meets, counted per threshold so that a sweep reads the counts without a pass over the
 * components.
 */
abstract class UnionFindComponents {
  static final int SIZE = 0;
  static final int MIN_X = 1;
  static final int MIN_Y = 2;
  static final int MAX_X = 3;
  static final int MAX_Y = 4;

  /** Ints per component record. */
  final int stride;
  /** Offset of the bits of the δ a root's box meets, counted in {@link #goodCount}. */
  final int good;
  final int[] goodCount;
  int[] parent = new int[0];
  int[] comp = new int[0];
  int h;
  int w;

  UnionFindComponents(int stride, int good, int deltas) {
    this.stride = stride;
    this.good = good;
    this.goodCount = new int[deltas];
  }

  /** Empties the tracker for an h × w mask; returns whether the arrays were reallocated. */
  boolean resetBase(int height, int width) {
    h = height;
    w = width;
    int n = h * w;
    boolean grown = parent.length < n;
    if (grown) {
      parent = new int[n];
      comp = new int[stride * n];
    }
    Arrays.fill(parent, 0, n, -1);
    Arrays.fill(goodCount, 0);
    return grown;
  }

  /** The root of p's component, with full path compression. */
  final int find(int p) {
    int root = p;
    while (parent[root] != root) {
      root = parent[root];
    }
    while (parent[p] != root) {
      int next = parent[p];
      parent[p] = root;
      p = next;
    }
    return root;
  }

  /**
   * Makes pixel p at (x, y) a component of its own: size 1, its box, no δ met. Returns the record
   * offset for the subclass's fields.
   */
  final int start(int p, int x, int y) {
    parent[p] = p;
    int o = p * stride;
    int[] c = comp;
    c[o + SIZE] = 1;
    c[o + MIN_X] = x;
    c[o + MAX_X] = x;
    c[o + MIN_Y] = y;
    c[o + MAX_Y] = y;
    c[o + good] = 0;
    return o;
  }

  /**
   * Adds pixel p at (x, y) to the component rooted at {@code root}: out of the counts (its box may
   * change), one pixel larger, box grown. Returns the root's record offset.
   */
  final int grow(int root, int p, int x, int y) {
    parent[p] = root;
    int o = root * stride;
    forget(o);
    int[] c = comp;
    c[o + SIZE]++;
    c[o + MIN_X] = Math.min(c[o + MIN_X], x);
    c[o + MAX_X] = Math.max(c[o + MAX_X], x);
    c[o + MIN_Y] = Math.min(c[o + MIN_Y], y);
    c[o + MAX_Y] = Math.max(c[o + MAX_Y], y);
    return o;
  }

  /** Joins root r (or none, −1) with the component of pixel q (union by size); returns the root. */
  final int join(int r, int q) {
    int pq = parent[q];
    if (pq == r) {
      return r;
    }
    int rq = parent[pq] == pq ? pq : find(pq);
    if (rq == r || r < 0) {
      return rq;
    }
    int[] c = comp;
    int root = c[r * stride + SIZE] < c[rq * stride + SIZE] ? rq : r;
    int child = root == r ? rq : r;
    int ro = root * stride;
    int co = child * stride;
    forget(ro);
    forget(co);
    parent[child] = root;
    c[ro + SIZE] += c[co + SIZE];
    c[ro + MIN_X] = Math.min(c[ro + MIN_X], c[co + MIN_X]);
    c[ro + MIN_Y] = Math.min(c[ro + MIN_Y], c[co + MIN_Y]);
    c[ro + MAX_X] = Math.max(c[ro + MAX_X], c[co + MAX_X]);
    c[ro + MAX_Y] = Math.max(c[ro + MAX_Y], c[co + MAX_Y]);
    merged(ro, co);
    return root;
  }

  /** Folds the subclass's fields of the child record (offset co) into the root's (offset ro). */
  abstract void merged(int ro, int co);

  /** Takes the component at record offset o out of the counts: its box is about to change. */
  final void forget(int o) {
    int bits = comp[o + good];
    if (bits != 0) {
      for (int d = 0; d < goodCount.length; d++) {
        if ((bits & (1 << d)) != 0) {
          goodCount[d]--;
        }
      }
      comp[o + good] = 0;
    }
  }
}
