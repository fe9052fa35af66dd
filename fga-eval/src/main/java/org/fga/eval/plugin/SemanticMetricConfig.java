package org.fga.eval.plugin;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.fga.core.metric.MetricConfig;

/**
 * Options of {@code semantic}.
 *
 * @param thresholdStep spacing of the background thresholds τ swept over the normalised maps
 *     (default 0.01)
 */
@JsonTypeName("semantic")
public record SemanticMetricConfig(Double thresholdStep) implements MetricConfig {
  public SemanticMetricConfig {
    thresholdStep = OptionChecks.thresholdStep("thresholdStep", thresholdStep == null ? 0.01 : thresholdStep);
  }

  public static SemanticMetricConfig defaults() {
    return new SemanticMetricConfig(null);
  }
}
