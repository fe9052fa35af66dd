package org.fga.core.data.synthetic;

import com.google.inject.AbstractModule;
import java.util.List;
import org.fga.core.plugin.ConfigTypes;
import org.fga.core.plugin.FgaModule;
import org.fga.core.plugin.PluginBinder;

/** Registers the {@code synthetic} dataset and its config type. */
public final class SyntheticDataModule extends AbstractModule implements FgaModule {
  @Override
  protected void configure() {
    PluginBinder.of(binder()).dataset(SyntheticDatasetProvider.class);
  }

  @Override
  public List<com.fasterxml.jackson.databind.Module> jacksonModules() {
    return List.of(ConfigTypes.of("synthetic", SyntheticConfig.class));
  }
}
