package org.fga.methods.ssl;

import com.google.inject.AbstractModule;
import java.util.List;
import org.fga.core.plugin.ConfigTypes;
import org.fga.core.plugin.FgaModule;
import org.fga.core.plugin.PluginBinder;

/** The plugin module of {@code byol}, {@code lcr-byol}, {@code mocov2} and {@code lcr-mocov2}. */
public final class SslModule extends AbstractModule implements FgaModule {
  @Override
  protected void configure() {
    PluginBinder.of(binder())
        .method(ByolProvider.class)
        .method(LcrByolProvider.class)
        .method(MocoV2Provider.class)
        .method(LcrMocoV2Provider.class);
  }

  @Override
  public List<com.fasterxml.jackson.databind.Module> jacksonModules() {
    return List.of(ConfigTypes.of("ssl", ByolConfig.class, LcrByolConfig.class, MocoV2Config.class, LcrMocoV2Config.class));
  }
}
