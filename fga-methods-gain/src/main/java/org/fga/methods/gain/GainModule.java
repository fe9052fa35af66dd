package org.fga.methods.gain;

import com.google.inject.AbstractModule;
import org.fga.core.plugin.FgaModule;
import org.fga.core.plugin.PluginBinder;
import org.fga.methods.gain.bench.GainBench;

/** The plugin module of {@code gain} and {@code gain-ext}. */
public final class GainModule extends AbstractModule implements FgaModule {
  @Override
  protected void configure() {
    PluginBinder.of(binder()).method(GainProvider.class).method(GainExtProvider.class)
        .bench(GainBench.class);
  }
}
