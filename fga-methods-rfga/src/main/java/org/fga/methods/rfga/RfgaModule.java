package org.fga.methods.rfga;

import com.google.inject.AbstractModule;
import java.util.List;
import org.fga.core.plugin.ConfigTypes;
import org.fga.core.plugin.FgaModule;
import org.fga.core.plugin.PluginBinder;

/** The plugin module of {@code rfga} and its ablation row {@code cam}. */
public final class RfgaModule extends AbstractModule implements FgaModule {
  @Override
  protected void configure() {
    PluginBinder.of(binder()).method(RfgaProvider.class).method(CamProvider.class);
  }

  @Override
  public List<com.fasterxml.jackson.databind.Module> jacksonModules() {
    return List.of(ConfigTypes.of("rfga", RfgaConfig.class, CamConfig.class));
  }
}
