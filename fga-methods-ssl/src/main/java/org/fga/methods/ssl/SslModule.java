package org.fga.methods.ssl;

import com.google.inject.AbstractModule;
import org.fga.core.plugin.FgaModule;
import org.fga.core.plugin.PluginBinder;
import org.fga.methods.ssl.bench.SslBench;

/** The plugin module of {@code byol}, {@code lcr-byol}, {@code mocov2} and {@code lcr-mocov2}. */
public final class SslModule extends AbstractModule implements FgaModule {
  @Override
  protected void configure() {
    PluginBinder.of(binder())
        .method(ByolProvider.class)
        .method(LcrByolProvider.class)
        .method(MocoV2Provider.class)
        .method(LcrMocoV2Provider.class)
        .bench(SslBench.class);
  }
}
