package org.fga.bench;

import java.io.PrintWriter;
import org.fga.bench.host.PluginHost;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Before any test of this module runs, makes the method modules of the source tree visible to
 * {@code Plugins.load()} exactly as {@code ./fga} does: this module depends on no method, so the
 * registry-wide tests cover whatever {@code fga-methods-*} directory is there, without a list.
 */
public final class PluginsOfTheSourceTree implements LauncherSessionListener {
  @Override
  public void launcherSessionOpened(LauncherSession session) {
    PluginHost.install(new PrintWriter(System.err, true));
  }
}
