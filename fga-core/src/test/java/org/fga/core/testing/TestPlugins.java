package org.fga.core.testing;

import com.google.inject.AbstractModule;
import java.util.List;
import org.fga.core.baseline.BaselineModule;
import org.fga.core.plugin.FgaModule;
import org.fga.core.plugin.PluginBinder;
import org.fga.core.plugin.Plugins;

/** The core's baseline plus the toy backbones, datasets and a stand-in default metric. */
public final class TestPlugins extends AbstractModule implements FgaModule {
  @Override
  protected void configure() {
    PluginBinder.of(binder())
        .backbone(TinyBackbone.Provider.class)
        .backbone(TinyBackbone.NoNormProvider.class)
        .dataset(SquaresData.Provider.class)
        .dataset(PeopleData.Provider.class)
        .metric(StandInAccuracy.class)
        .metric(CountingMetric.class);
  }

  public static Plugins load() {
    return Plugins.of(
        List.of(
            new BaselineModule(),
            new org.fga.core.data.pipeline.builtin.StepsModule(),
            new TestPlugins()));
  }
}
