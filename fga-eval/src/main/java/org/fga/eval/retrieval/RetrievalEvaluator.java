package org.fga.eval.retrieval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.fga.core.error.FgaUserException;
import org.fga.eval.io.Shapes;
import org.fga.eval.reid.FeatureDistance;
import org.fga.eval.reid.RankedMatches;
import org.fga.eval.reid.ReidEvaluator;
import org.fga.eval.reid.RankedMatches.QueryResult;

/**
 * Leave-one-out retrieval as LCR's main_moco.py {@code validate} computes it: every sample queries
 * all the others (itself removed), ranked by distance (ties by {@link TieOrder}); the relevant
 * items are those with the query's label. {@code topK} is the fraction of queries with a relevant
 * item among the first K (the top-K hit rate, metric learning's Recall@K); mAP is the mean of the
 * per-query non-interpolated AP over the whole ranked list. A query whose class has no other
 * sample cannot be scored and is left out of both (reported as {@code validQueries} of {@code
 * queries}); LCR's code divides by zero there.
 */
public final class RetrievalEvaluator {
  private RetrievalEvaluator() {}

  /** {@link #evaluate(double[][], int[], FeatureDistance, int[], TieOrder)} with ties to the earlier item. */
  public static Map<String, Object> evaluate(double[][] features, int[] labels, FeatureDistance metric, int[] ks) {
    return evaluate(features, labels, metric, ks, TieOrder.FIRST);
  }

  public static Map<String, Object> evaluate(
      double[][] features, int[] labels, FeatureDistance metric, int[] ks, TieOrder ties) {
    Shapes.requireLength("features rows", features.length, "labels", labels.length);
    int n = labels.length;
    if (n < 2) {
      throw new FgaUserException("retrieval needs at least two samples, got " + n);
    }
    for (int k : ks) {
      if (k < 1) {
        throw new FgaUserException("top-K: K must be at least 1, got " + k);
      }
    }
    var rows = metric.rows(features, features);
    ThreadLocal<double[]> row = ThreadLocal.withInitial(() -> new double[n]);
    ThreadLocal<byte[]> kinds = ThreadLocal.withInitial(() -> new byte[n]);
    QueryResult[] res = new QueryResult[n];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            q -> {
              double[] d = row.get();
              rows.row(q, d);
              byte[] kind = kinds.get();
              for (int g = 0; g < n; g++) {
                kind[g] = g == q ? RankedMatches.JUNK : labels[g] == labels[q] ? RankedMatches.MATCH : RankedMatches.OTHER;
              }
              if (ties == TieOrder.LAST) {
                // RankedMatches breaks ties by position: reversing the candidates reverses the ties
                reverse(d);
                reverse(kind);
              }
              res[q] = RankedMatches.rank(d, kind);
            });
    int maxK = 1;
    for (int k : ks) {
      maxK = Math.max(maxK, k);
    }
    List<QueryResult> all = List.of(res);
    Map<String, Object> summary = ReidEvaluator.summarize(all, Math.min(maxK, n - 1), "retrieval");
    @SuppressWarnings("unchecked")
    List<Double> cmc = (List<Double>) summary.get("cmc");
    Map<String, Object> out = new LinkedHashMap<>();
    for (int k : ks) {
      out.put("top" + k, cmc.get(Math.min(k, n - 1) - 1));
    }
    out.put("mAP", summary.get("mAP"));
    out.put("validQueries", summary.get("validQueries"));
    out.put("queries", summary.get("queries"));
    return out;
  }

  private static void reverse(double[] a) {
    for (int i = 0, j = a.length - 1; i < j; i++, j--) {
      double t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  private static void reverse(byte[] a) {
    for (int i = 0, j = a.length - 1; i < j; i++, j--) {
      byte t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
