package org.fga.eval.reid;

import java.util.Arrays;
import org.fga.core.error.FgaUserException;

/**
 * Where the true matches of one query land in its ranked gallery, found without sorting the whole
 * gallery: only the matches are sorted, and every other valid item is placed among them by binary
 * search. The order is by distance, ties broken by gallery index (numpy's stable argsort).
 *
 * <p>From the 0-based ranks r_0 < … < r_{m−1} of the m matches among the valid items: the first
 * hit is r_0, AP = (1/m) Σ_j (j+1)/(r_j+1), and INP = m/(r_{m−1}+1).
 */
public final class RankedMatches {
  /** Gallery item kinds for one query, filled by the caller. */
  public static final byte OTHER = 0;

  public static final byte MATCH = 1;

  /** Removed from the ranked list (e.g. same identity and same camera, or the query itself). */
  public static final byte JUNK = 2;

  /** One query's outcome; {@code valid} is false when it has no match left after removal. */
  public record QueryResult(boolean valid, int firstMatchRank, double ap, double inp) {
    static final QueryResult INVALID = new QueryResult(false, -1, Double.NaN, Double.NaN);
  }

  private RankedMatches() {}

  /**
   * Ranks one query: {@code dist[g]} its distance to gallery item g, {@code kind[g]} one of {@link
   * #OTHER}, {@link #MATCH}, {@link #JUNK}.
   */
  public static QueryResult rank(double[] dist, byte[] kind) {
    int n = dist.length;
    int m = 0;
    for (int g = 0; g < n; g++) {
      if (Double.isNaN(dist[g])) {
        throw new FgaUserException("distance to gallery item " + g + " is NaN");
      }
      if (kind[g] == MATCH) {
        m++;
      }
    }
    if (m == 0) {
      return QueryResult.INVALID;
    }
    int[] mi = sortedMatches(dist, kind, m);
    double[] md = new double[m];
    for (int j = 0; j < m; j++) {
      md[j] = dist[mi[j]];
    }
    double lo = md[0];
    double hi = md[m - 1];
    // before[j]: number of valid non-matches ranked between match j-1 and match j.
    int[] before = new int[m + 1];
    for (int g = 0; g < n; g++) {
      if (kind[g] != OTHER) {
        continue;
      }
      double d = dist[g];
      if (d > hi) {
        before[m]++;
      } else if (d < lo) {
        before[0]++;
      } else {
        before[matchesBefore(md, mi, d, g)]++;
      }
    }
    double apSum = 0;
    int rank = -1;
    int first = -1;
    for (int j = 0; j < m; j++) {
      rank += 1 + before[j];
      if (j == 0) {
        first = rank;
      }
      apSum += (j + 1.0) / (rank + 1.0);
    }
    return new QueryResult(true, first, apSum / m, m / (rank + 1.0));
  }

  /** The gallery indices of the m matches, sorted by (distance, index). */
  private static int[] sortedMatches(double[] dist, byte[] kind, int m) {
    Integer[] order = new Integer[m];
    int j = 0;
    for (int g = 0; g < dist.length; g++) {
      if (kind[g] == MATCH) {
        order[j++] = g;
      }
    }
    Arrays.sort(order, (a, b) -> dist[a] < dist[b] ? -1 : dist[a] > dist[b] ? 1 : Integer.compare(a, b));
    int[] sorted = new int[m];
    for (j = 0; j < m; j++) {
      sorted[j] = order[j];
    }
    return sorted;
  }

  /** How many matches come before item (d, g) in (distance, index) order. */
  private static int matchesBefore(double[] md, int[] mi, double d, int g) {
    int lo = 0;
    int hi = md.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (md[mid] < d || (md[mid] == d && mi[mid] < g)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
