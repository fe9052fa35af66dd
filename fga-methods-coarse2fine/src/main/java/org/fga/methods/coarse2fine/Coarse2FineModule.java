package org.fga.methods.coarse2fine;

import com.google.inject.AbstractModule;
import org.fga.core.plugin.FgaModule;
import org.fga.core.plugin.PluginBinder;
import org.fga.methods.coarse2fine.bench.Coarse2FineBench;

/** The plugin module of {@code coarse2fine}. */
public final class Coarse2FineModule extends AbstractModule implements FgaModule {
  @Override
  protected void configure() {
    PluginBinder.of(binder()).method(Coarse2FineProvider.class)
        .bench(Coarse2FineBench.class);
  }
}
