package org.fga.core.metric;

import java.util.Map;
import org.fga.core.naming.Named;

/**
 * A metric plugin, named in an experiment's {@code eval.metrics}. Implementations usually extend
 * {@link TypedMetric}, which checks the config's type once instead of in every metric.
 */
public interface MetricProvider extends Named {
  /** The config record this metric reads; its {@code @JsonTypeName} equals {@link #name()}. */
  Class<? extends MetricConfig> configType();

  /** The options a bare name in {@code eval.metrics} stands for: the protocol's defaults. */
  MetricConfig defaultConfig();

  /** What the evaluator must collect for this metric. */
  EvalNeeds needs();

  /**
   * Scores the collected outputs; values are fractions in [0, 1] or lists/maps of them.
   *
   * @param config an instance of {@link #configType()}
   */
  Map<String, Object> compute(EvalOutputs outputs, MetricConfig config);

  /** {@link #compute} with {@link #defaultConfig()}: what the bare name in an experiment does. */
  default Map<String, Object> computeWithDefaults(EvalOutputs outputs) {
    return compute(outputs, defaultConfig());
  }
}
