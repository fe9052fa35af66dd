package org.fga.eval.plugin;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.fga.core.metric.MetricConfig;

/**
 * Options of {@code pxap}.
 *
 * @param thresholdStep spacing of the thresholds τ swept over normalised maps, for PxAP (Choe et al., CVPR 2020) (default
 *     0.01)
 */
@JsonTypeName("pxap")
public record PxapMetricConfig(Double thresholdStep) implements MetricConfig {
  public PxapMetricConfig {
    thresholdStep = OptionChecks.thresholdStep("thresholdStep", thresholdStep == null ? 0.01 : thresholdStep);
  }

  public static PxapMetricConfig defaults() {
    return new PxapMetricConfig(null);
  }
}
