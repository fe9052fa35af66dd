package org.fga.methods.cal;

import com.google.inject.AbstractModule;
import java.util.List;
import org.fga.core.plugin.ConfigTypes;
import org.fga.core.plugin.FgaModule;
import org.fga.core.plugin.PluginBinder;

/** The plugin module of {@code cal}, {@code wsdan} and {@code cal-reid}. */
public final class CalModule extends AbstractModule implements FgaModule {
  @Override
  protected void configure() {
    PluginBinder.of(binder())
        .method(CalProvider.class)
        .method(WsdanProvider.class)
        .method(CalReidProvider.class);
  }

  @Override
  public List<com.fasterxml.jackson.databind.Module> jacksonModules() {
    return List.of(ConfigTypes.of("cal", CalConfig.class, WsdanConfig.class, CalReidConfig.class));
  }
}
