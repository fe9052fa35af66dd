package org.fga.eval.reid;

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
}
