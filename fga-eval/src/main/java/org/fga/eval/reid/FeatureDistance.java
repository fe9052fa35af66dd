package org.fga.eval.reid;

import java.util.Locale;
import org.fga.core.error.FgaUserException;

/**
 * How features are compared. Euclidean ranks by the squared L2 distance Σ(q−g)², computed from
 * differences (not from ‖q‖²+‖g‖²−2q·g, which loses precision), so it ranks exactly as the L2
 * distance. Cosine uses 1 − q·g / (‖q‖‖g‖), with a zero vector at distance 1 from everything.
 */
public enum FeatureDistance {
  EUCLIDEAN,
  COSINE;

  public static FeatureDistance parse(String s) {
    try {
      return valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new FgaUserException("unknown metric '" + s + "'; known: euclidean, cosine");
    }
  }

  /** Distance rows between query and gallery features (rows of each array are the vectors). */
  public DistanceRows rows(double[][] query, double[][] gallery) {
    int dim = query.length > 0 ? query[0].length : 0;
    if (gallery.length > 0 && gallery[0].length != dim) {
      throw new FgaUserException(
          "query features have dimension " + dim + " but gallery features have " + gallery[0].length);
    }
    double[] qn = norms(query);
    double[] gn = norms(gallery);
    FeatureDistance kind = this;
    return new DistanceRows() {
      @Override
      public int queries() {
        return query.length;
      }

      @Override
      public int gallery() {
        return gallery.length;
      }

      @Override
      public void row(int q, double[] out) {
        double[] a = query[q];
        for (int g = 0; g < gallery.length; g++) {
          double[] b = gallery[g];
          if (kind == EUCLIDEAN) {
            double s = 0;
            for (int k = 0; k < a.length; k++) {
              double d = a[k] - b[k];
              s += d * d;
            }
            out[g] = s;
          } else {
            double s = 0;
            for (int k = 0; k < a.length; k++) {
              s += a[k] * b[k];
            }
            double den = qn[q] * gn[g];
            out[g] = den == 0 ? 1 : 1 - s / den;
          }
        }
      }
    };
  }

  private static double[] norms(double[][] x) {
    double[] n = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double s = 0;
      for (double v : x[i]) {
        s += v * v;
      }
      n[i] = Math.sqrt(s);
    }
    return n;
  }
}
