package org.fga.eval.plugin;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import org.fga.core.metric.MetricConfig;

/**
 * Options of {@code retrieval}.
 *
 * @param recallAtK the K of Recall@K (default 1 and 5; CUB/Cars papers also report 2, 4, 8);
 *     a K not below the number of samples is skipped
 * @param distance {@code cosine} (default) or {@code euclidean}
 */
@JsonTypeName("retrieval")
public record RetrievalMetricConfig(List<Integer> recallAtK, String distance) implements MetricConfig {
  public RetrievalMetricConfig {
    recallAtK =
        OptionChecks.distinctInts("recallAtK", recallAtK == null ? List.of(1, 5) : recallAtK, 1, Integer.MAX_VALUE);
    distance = OptionChecks.distance("distance", distance == null ? "cosine" : distance);
  }

  public static RetrievalMetricConfig defaults() {
    return new RetrievalMetricConfig(null, null);
  }
}
