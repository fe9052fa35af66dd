package org.fga.perf;

import com.google.inject.AbstractModule;
import org.fga.core.plugin.FgaModule;
import org.fga.core.plugin.PluginBinder;

/** The benchmarks' own plugin: the in-memory {@code noise} dataset. */
public final class PerfModule extends AbstractModule implements FgaModule {
  @Override
  protected void configure() {
    PluginBinder.of(binder()).dataset(NoiseData.Provider.class);
  }
}
