package org.fga.core.metric;

import java.util.Map;

/**
 * A metric whose options are one record type, given once as the type argument: the metric is named
 * by the record's {@code @JsonTypeName}, and the cast from {@link MetricConfig} happens here, with a
 * message naming both types, so that implementations receive their own record.
 *
 * @param <C> the metric's config record
 */
public abstract class TypedMetric<C extends MetricConfig> implements MetricProvider {
  private final Class<C> configType;

  /** The config record is read from the type argument: {@code extends TypedMetric<MyConfig>}. */
  protected TypedMetric() {
    this.configType = org.fga.core.plugin.PluginTypes.typeArgument(getClass(), TypedMetric.class);
  }

  /** For a metric generic in its config, whose type argument cannot be read. */
  protected TypedMetric(Class<C> configType) {
    this.configType = configType;
  }

  /** The config record's {@code @JsonTypeName}: what an entry of {@code eval.metrics} names. */
  @Override
  public String name() {
    return org.fga.core.plugin.ConfigTypes.nameOf(configType);
  }

  @Override
  public final Class<C> configType() {
    return configType;
  }

  @Override
  public abstract C defaultConfig();

  @Override
  public final Map<String, Object> compute(EvalOutputs outputs, MetricConfig config) {
    if (!configType.isInstance(config)) {
      throw new IllegalArgumentException(
          "metric '" + name() + "' reads " + configType.getSimpleName() + ", got "
              + (config == null ? "null" : config.getClass().getSimpleName()));
    }
    return score(outputs, configType.cast(config));
  }

  /** Scores the outputs with the given options. */
  protected abstract Map<String, Object> score(EvalOutputs outputs, C config);
}
