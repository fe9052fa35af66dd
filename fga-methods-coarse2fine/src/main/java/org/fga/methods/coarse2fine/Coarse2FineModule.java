package org.fga.methods.coarse2fine;

import com.google.inject.AbstractModule;
import java.util.List;
import org.fga.core.plugin.ConfigTypes;
import org.fga.core.plugin.FgaModule;
import org.fga.core.plugin.PluginBinder;

/** The plugin module of {@code coarse2fine}. */
public final class Coarse2FineModule extends AbstractModule implements FgaModule {
  @Override
  protected void configure() {
    PluginBinder.of(binder()).method(Coarse2FineProvider.class);
  }

  @Override
  public List<com.fasterxml.jackson.databind.Module> jacksonModules() {
    return List.of(ConfigTypes.of("coarse2fine", Coarse2FineConfig.class));
  }
}
