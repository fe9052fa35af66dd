package org.fga.eval.reid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.fga.core.error.FgaUserException;
import org.fga.eval.io.Shapes;
import org.fga.eval.reid.RankedMatches.QueryResult;

/**
 * Re-ID evaluation under the Market-1501 protocol, as torchreid's {@code evaluate_rank}: for each
 * query the gallery is ranked by distance (ties by gallery index); gallery items with the query's
 * identity AND camera are removed; a query with no remaining match is skipped. CMC(k) is the
 * fraction of valid queries whose first match is within the top k; mAP and mINP are the means of
 * the per-query AP and INP ({@link RankedMatches}).
 *
 * <p>Queries are ranked in parallel; results are summed in query order, so they are reproducible.
 */
public final class ReidEvaluator {
  private final int[] galleryIds;
  private final int[] galleryCams;
  private final int maxRank;
  private final List<QueryResult> results = new ArrayList<>();

  public ReidEvaluator(int[] galleryIds, int[] galleryCams, int maxRank) {
    Shapes.requireLength("gallery ids", galleryIds.length, "gallery cameras", galleryCams.length);
    if (maxRank < 1) {
      throw new FgaUserException("max rank must be at least 1, got " + maxRank);
    }
    this.galleryIds = galleryIds.clone();
    this.galleryCams = galleryCams.clone();
    // As torchreid: the CMC curve cannot be longer than the gallery.
    this.maxRank = Math.min(maxRank, galleryIds.length);
  }

  /** Ranks one query given its distances to every gallery item. */
  public QueryResult add(double[] dist, int queryId, int queryCam) {
    QueryResult r = rankOne(dist, queryId, queryCam, new byte[galleryIds.length]);
    results.add(r);
    return r;
  }

  /** Ranks every query of {@code d} in parallel and accumulates them in query order. */
  public ReidEvaluator addAll(DistanceRows d, int[] queryIds, int[] queryCams) {
    Shapes.requireLength("query ids", queryIds.length, "distance matrix rows", d.queries());
    Shapes.requireLength("query cameras", queryCams.length, "distance matrix rows", d.queries());
    Shapes.requireLength("distance matrix columns", d.gallery(), "gallery ids", galleryIds.length);
    int g = galleryIds.length;
    ThreadLocal<double[]> rows = ThreadLocal.withInitial(() -> new double[g]);
    ThreadLocal<byte[]> scratch = ThreadLocal.withInitial(() -> new byte[g]);
    QueryResult[] out = new QueryResult[queryIds.length];
    IntStream.range(0, queryIds.length)
        .parallel()
        .forEach(
            q -> {
              double[] row = rows.get();
              d.row(q, row);
              out[q] = rankOne(row, queryIds[q], queryCams[q], scratch.get());
            });
    results.addAll(List.of(out));
    return this;
  }

  private QueryResult rankOne(double[] dist, int qid, int qcam, byte[] kind) {
    if (dist.length != galleryIds.length) {
      throw new FgaUserException("a query row has " + dist.length + " distances, gallery has " + galleryIds.length);
    }
    for (int g = 0; g < kind.length; g++) {
      kind[g] =
          galleryIds[g] != qid
              ? RankedMatches.OTHER
              : galleryCams[g] == qcam ? RankedMatches.JUNK : RankedMatches.MATCH;
    }
    return RankedMatches.rank(dist, kind);
  }

  /** The per-query outcomes so far, in the order added. */
  public List<QueryResult> results() {
    return List.copyOf(results);
  }

  /** {@code {"mAP", "cmc": [rank-1 ..], "mINP", "validQueries"}}. */
  public Map<String, Object> toMap() {
    return summarize(results, maxRank, "re-ID");
  }

  /** Means over the valid queries: CMC up to {@code maxRank}, mAP and mINP. */
  public static Map<String, Object> summarize(List<QueryResult> results, int maxRank, String what) {
    long[] firstHits = new long[maxRank];
    double apSum = 0;
    double inpSum = 0;
    int valid = 0;
    for (QueryResult r : results) {
      if (!r.valid()) {
        continue;
      }
      valid++;
      apSum += r.ap();
      inpSum += r.inp();
      if (r.firstMatchRank() < maxRank) {
        firstHits[r.firstMatchRank()]++;
      }
    }
    if (valid == 0) {
      throw new FgaUserException(what + ": no query has a valid match in the gallery");
    }
    List<Double> cmc = new ArrayList<>(maxRank);
    long cum = 0;
    for (int k = 0; k < maxRank; k++) {
      cum += firstHits[k];
      cmc.add((double) cum / valid);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("mAP", apSum / valid);
    out.put("cmc", cmc);
    out.put("mINP", inpSum / valid);
    out.put("validQueries", valid);
    out.put("queries", results.size());
    return out;
  }
}
