package org.fga.eval.plugin;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.fga.core.metric.MetricConfig;

/**
 * Options of {@code segmentation}.
 *
 * @param thresholdStep spacing of the thresholds τ swept over normalised maps, for the threshold search of the attention map (default
 *     0.01)
 */
@JsonTypeName("segmentation")
public record SegmentationMetricConfig(Double thresholdStep) implements MetricConfig {
  public SegmentationMetricConfig {
    thresholdStep = OptionChecks.thresholdStep("thresholdStep", thresholdStep == null ? 0.01 : thresholdStep);
  }

  public static SegmentationMetricConfig defaults() {
    return new SegmentationMetricConfig(null);
  }
}
