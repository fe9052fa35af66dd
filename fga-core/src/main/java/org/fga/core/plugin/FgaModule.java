package org.fga.core.plugin;

import com.google.inject.Module;
import java.util.List;

/**
 * One per plugin jar, listed in {@code META-INF/services/org.fga.core.plugin.FgaModule}.
 *
 * <p>The Guice part binds the plugin's providers (use {@link PluginBinder}); {@link
 * #jacksonModules()} registers the plugin's config subtypes so experiment files can name them.
 */
public interface FgaModule extends Module {
  default List<com.fasterxml.jackson.databind.Module> jacksonModules() {
    return List.of();
  }
}
