package org.fga.methods.gain;

import com.google.inject.AbstractModule;
import java.util.List;
import org.fga.core.plugin.ConfigTypes;
import org.fga.core.plugin.FgaModule;
import org.fga.core.plugin.PluginBinder;

/** The plugin module of {@code gain} and {@code gain-ext}. */
public final class GainModule extends AbstractModule implements FgaModule {
  @Override
  protected void configure() {
    PluginBinder.of(binder()).method(GainProvider.class).method(GainExtProvider.class);
  }

  @Override
  public List<com.fasterxml.jackson.databind.Module> jacksonModules() {
    return List.of(ConfigTypes.of("gain", GainConfig.class, GainExtConfig.class));
  }
}
