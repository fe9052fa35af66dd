package org.fga.core.plugin;

import com.google.inject.Module;
import java.util.List;

/**
 * One per plugin jar, listed in {@code META-INF/services/org.fga.core.plugin.FgaModule}.
 *
 * <p>The Guice part binds the plugin's providers (use {@link PluginBinder}). The config record of
 * every method, dataset and metric provider is registered with the experiment-file readers by
 * {@link Plugins} itself; {@link #jacksonModules()} is only for further polymorphic records a
 * plugin's configs nest (none of the built-in plugins needs it for its own config).
 */
public interface FgaModule extends Module {
  default List<com.fasterxml.jackson.databind.Module> jacksonModules() {
    return List.of();
  }
}
