package org.fga.eval.plugin;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import org.fga.core.metric.MetricConfig;

/**
 * Options of {@code accuracy}.
 *
 * @param topK the k of top-k accuracy (default 1 and 5, as reported for CUB/ImageNet); a k above
 *     the number of classes is skipped
 */
@JsonTypeName("accuracy")
public record AccuracyMetricConfig(List<Integer> topK) implements MetricConfig {
  public AccuracyMetricConfig {
    topK = OptionChecks.distinctInts("topK", topK == null ? List.of(1, 5) : topK, 1, Integer.MAX_VALUE);
  }

  public static AccuracyMetricConfig defaults() {
    return new AccuracyMetricConfig(null);
  }
}
