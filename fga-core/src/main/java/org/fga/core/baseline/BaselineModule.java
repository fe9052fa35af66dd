package org.fga.core.baseline;

import com.google.inject.AbstractModule;
import org.fga.core.plugin.FgaModule;
import org.fga.core.plugin.PluginBinder;

/** The plugin module of {@code baseline}: binds the provider and registers the config type. */
public final class BaselineModule extends AbstractModule implements FgaModule {
  @Override
  protected void configure() {
    PluginBinder.of(binder()).method(BaselineProvider.class);
  }
}
