package org.fga.eval.plugin;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.fga.core.metric.MetricConfig;
import org.fga.core.error.InvalidOptionException;

/**
 * Options of {@code reid}.
 *
 * @param maxRank length of the CMC curve (default 50, as Market-1501's evaluation code)
 * @param distance {@code euclidean} (default, Market-1501 / torchreid) or {@code cosine}
 */
@JsonTypeName("reid")
public record ReidMetricConfig(Integer maxRank, String distance) implements MetricConfig {
  public ReidMetricConfig {
    maxRank = maxRank == null ? 50 : maxRank;
    if (maxRank < 1) {
      throw new InvalidOptionException("maxRank", "must be at least 1, got " + maxRank);
    }
    distance = OptionChecks.distance("distance", distance == null ? "euclidean" : distance);
  }

  public static ReidMetricConfig defaults() {
    return new ReidMetricConfig(null, null);
  }
}
