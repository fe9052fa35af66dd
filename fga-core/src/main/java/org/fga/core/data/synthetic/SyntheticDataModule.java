package org.fga.core.data.synthetic;

import com.google.inject.AbstractModule;
import org.fga.core.plugin.FgaModule;
import org.fga.core.plugin.PluginBinder;

/** Registers the {@code synthetic} dataset (its config record is registered by the core). */
public final class SyntheticDataModule extends AbstractModule implements FgaModule {
  @Override
  protected void configure() {
    PluginBinder.of(binder()).dataset(SyntheticDatasetProvider.class);
  }
}
