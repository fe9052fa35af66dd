package org.fga.core.evaluate;

import java.util.Map;
import org.fga.core.metric.EvalOutputs;
import org.fga.core.metric.MetricConfig;
import org.fga.core.metric.MetricProvider;
import org.fga.core.naming.ConfigTypes;
import org.fga.core.plugin.Registry;

/** One entry of {@code eval.metrics}: the plugin that scores it and the options it scores with. */
record ConfiguredMetric(MetricProvider provider, MetricConfig config) {
  /** The plugin named by the config's type, e.g. {@code wsol} for {@code {type: wsol, ...}}. */
  static ConfiguredMetric of(Registry<MetricProvider> metrics, MetricConfig config) {
    return new ConfiguredMetric(metrics.get(ConfigTypes.nameOf(config)), config);
  }

  String name() {
    return provider.name();
  }

  Map<String, Object> compute(EvalOutputs outputs) {
    return provider.compute(outputs, config);
  }
}
