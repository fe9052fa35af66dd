package org.fga.methods.cal;

import com.google.inject.AbstractModule;
import org.fga.core.plugin.FgaModule;
import org.fga.core.plugin.PluginBinder;
import org.fga.methods.cal.bench.CalBench;

/** The plugin module of {@code cal}, {@code wsdan} and {@code cal-reid}. */
public final class CalModule extends AbstractModule implements FgaModule {
  @Override
  protected void configure() {
    PluginBinder.of(binder())
        .method(CalProvider.class)
        .method(WsdanProvider.class)
        .method(CalReidProvider.class)
        .bench(CalBench.class);
  }
}
