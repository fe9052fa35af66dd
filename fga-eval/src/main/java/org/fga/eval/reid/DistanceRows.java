package org.fga.eval.reid;

import org.fga.core.io.NdArray;

/**
 * A query-by-gallery distance matrix, read one query row at a time so that rows can be computed
 * on the fly from features or read from a memory-mapped file. Smaller means more similar.
 */
public interface DistanceRows {
  int queries();

  int gallery();

  /** Writes the distances of query {@code q} to every gallery item into {@code out}. */
  void row(int q, double[] out);

  /** Rows of an in-memory matrix. */
  static DistanceRows of(double[][] d) {
    return new DistanceRows() {
      @Override
      public int queries() {
        return d.length;
      }

      @Override
      public int gallery() {
        return d.length == 0 ? 0 : d[0].length;
      }

      @Override
      public void row(int q, double[] out) {
        System.arraycopy(d[q], 0, out, 0, out.length);
      }
    };
  }

  /** Rows of a Q×G array, read straight from its (memory-mapped) buffer without a full copy. */
  static DistanceRows of(NdArray d) {
    d.requireRank(2);
    int q = d.dim(0);
    int g = d.dim(1);
    return new DistanceRows() {
      @Override
      public int queries() {
        return q;
      }

      @Override
      public int gallery() {
        return g;
      }

      @Override
      public void row(int i, double[] out) {
        d.copyDoubles((long) i * g, out, 0, g);
      }
    };
  }
}
