package org.fga.methods.rfga;

import com.google.inject.AbstractModule;
import org.fga.core.plugin.FgaModule;
import org.fga.core.plugin.PluginBinder;
import org.fga.methods.rfga.bench.RfgaBench;

/** The plugin module of {@code rfga} and its ablation row {@code cam}. */
public final class RfgaModule extends AbstractModule implements FgaModule {
  @Override
  protected void configure() {
    PluginBinder.of(binder()).method(RfgaProvider.class).method(CamProvider.class)
        .bench(RfgaBench.class);
  }
}
