package org.fga.bench;

import com.google.inject.AbstractModule;
import java.util.List;
import org.fga.bench.perf.NoiseData;
import org.fga.core.plugin.ConfigTypes;
import org.fga.core.plugin.FgaModule;
import org.fga.core.plugin.PluginBinder;

/** The bench module's own plugins: the in-memory noise dataset used by benchmarks. */
public final class BenchModule extends AbstractModule implements FgaModule {
  @Override
  protected void configure() {
    PluginBinder.of(binder()).dataset(NoiseData.Provider.class);
  }

  @Override
  public List<com.fasterxml.jackson.databind.Module> jacksonModules() {
    return List.of(ConfigTypes.of("bench", NoiseData.Config.class));
  }
}
