package org.fga.eval.plugin;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.Locale;
import org.fga.core.metric.MetricConfig;
import org.fga.core.spec.InvalidOptionException;
import org.fga.eval.retrieval.TieOrder;

/**
 * Options of {@code retrieval}.
 *
 * @param topK the K of the top-K hit rates, reported as {@code top1}, {@code top5}, … (default 1
 *     and 5, as LCR reports; metric-learning papers call them Recall@K and also report 2, 4, 8); a
 *     K not below the number of samples is skipped
 * @param distance {@code cosine} (default) or {@code euclidean}
 * @param ties which of two equally similar candidates ranks first: {@code first} (default, the
 *     earlier in the split, numpy's stable argsort) or {@code last} (LCR's reversed argsort)
 */
@JsonTypeName("retrieval")
public record RetrievalMetricConfig(List<Integer> topK, String distance, String ties) implements MetricConfig {
  public RetrievalMetricConfig {
    topK = OptionChecks.distinctInts("topK", topK == null ? List.of(1, 5) : topK, 1, Integer.MAX_VALUE);
    distance = OptionChecks.distance("distance", distance == null ? "cosine" : distance);
    ties = ties == null ? "first" : ties;
    if (!List.of("first", "last").contains(ties)) {
      throw new InvalidOptionException("ties", "must be first or last, got '" + ties + "'");
    }
  }

  public static RetrievalMetricConfig defaults() {
    return new RetrievalMetricConfig(null, null, null);
  }

  TieOrder tieOrder() {
    return TieOrder.valueOf(ties.toUpperCase(Locale.ROOT));
  }
}
