package org.fga.bench.host;

import java.io.PrintWriter;

/**
 * Installs the {@link PluginPath} class loader as the context class loader once per process, which
 * is where {@link org.fga.core.plugin.Plugins#load()} looks, and prints its warnings.
 */
public final class PluginHost {
  private static ClassLoader installed;

  private PluginHost() {}

  /**
   * Makes every plugin of {@link PluginPath#fromEnvironment()} visible to this thread (and to the
   * threads it starts); the first call prints one line per warning to {@code err}.
   */
  public static synchronized void install(PrintWriter err) {
    if (installed == null) {
      PluginPath path = PluginPath.fromEnvironment();
      for (String w : path.warnings()) {
        err.println("fga: warning: " + w);
      }
      err.flush();
      installed = path.classLoader(PluginHost.class.getClassLoader());
    }
    Thread.currentThread().setContextClassLoader(installed);
  }
}
