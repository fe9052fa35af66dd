package org.fga.core.plugin;

import com.google.inject.Binder;
import com.google.inject.multibindings.Multibinder;
import org.fga.core.backbone.BackboneProvider;
import org.fga.core.bench.BenchProvider;
import org.fga.core.data.provider.DatasetProvider;
import org.fga.core.data.pipeline.PipelineStep;
import org.fga.core.data.pipeline.StepType;
import org.fga.core.method.MethodProvider;
import org.fga.core.metric.MetricProvider;

/**
 * The kinds of plugin a module can contribute. Providers are collected in sets and indexed by
 * name in {@link Registry}, which is where duplicate names are caught (with both classes named).
 */
public final class PluginBinder {
  private final Binder binder;

  private PluginBinder(Binder binder) {
    this.binder = binder;
  }

  public static PluginBinder of(Binder binder) {
    return new PluginBinder(binder);
  }

  /**
   * A method; its config record (the provider's type argument) is registered with the experiment
   * file readers under the record's {@code @JsonTypeName} by {@link Plugins}.
   */
  @SuppressWarnings("rawtypes") // raw: also takes a provider declared before MethodProvider was typed
  public PluginBinder method(Class<? extends MethodProvider> provider) {
    Multibinder.newSetBinder(binder, MethodProvider.class).addBinding().to(provider);
    return this;
  }

  public PluginBinder backbone(Class<? extends BackboneProvider> provider) {
    Multibinder.newSetBinder(binder, BackboneProvider.class).addBinding().to(provider);
    return this;
  }

  public PluginBinder dataset(Class<? extends DatasetProvider> provider) {
    Multibinder.newSetBinder(binder, DatasetProvider.class).addBinding().to(provider);
    return this;
  }

  public PluginBinder metric(Class<? extends MetricProvider> provider) {
    Multibinder.newSetBinder(binder, MetricProvider.class).addBinding().to(provider);
    return this;
  }

  /** A benchmark, run by {@code fga bench <name>}; a method module registers its method's here. */
  public PluginBinder bench(Class<? extends BenchProvider> provider) {
    Multibinder.newSetBinder(binder, BenchProvider.class).addBinding().to(provider);
    return this;
  }

  /**
   * A data pipeline step: its config record, named by its {@code @JsonTypeName}, is registered with
   * the experiment-file readers too (no {@code jacksonModules()} entry needed).
   */
  public PluginBinder step(Class<? extends PipelineStep> config) {
    Multibinder.newSetBinder(binder, StepType.class).addBinding().toInstance(StepType.of(config));
    return this;
  }

  /** Declares every set so that a build without any plugin of a kind still injects. */
  static void declareAll(Binder binder) {
    Multibinder.newSetBinder(binder, MethodProvider.class);
    Multibinder.newSetBinder(binder, BackboneProvider.class);
    Multibinder.newSetBinder(binder, DatasetProvider.class);
    Multibinder.newSetBinder(binder, MetricProvider.class);
    Multibinder.newSetBinder(binder, StepType.class);
    Multibinder.newSetBinder(binder, BenchProvider.class);
  }
}
