package org.fga.testkit;

import ai.djl.ndarray.NDManager;
import org.fga.core.plugin.Plugins;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a method test class sets up once and tears down once: the registry of every plugin on the
 * class path and one NDManager for the tensors its tests keep, closed after the last test (so a
 * test class cannot forget to free libtorch memory). Register it in a static field:
 *
 * <pre>{@code
 * @RegisterExtension static final PluginsAndManager ENV = new PluginsAndManager();
 * ... ENV.plugins().methods().get("cal") ... ENV.manager() ...
 * }</pre>
 */
public final class PluginsAndManager implements BeforeAllCallback, AfterAllCallback {
  private Plugins plugins;
  private NDManager manager;

  @Override
  public void beforeAll(ExtensionContext context) {
    plugins = Plugins.load();
    manager = NDManager.newBaseManager();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    manager.close();
    manager = null;
  }

  /** The plugins {@code Plugins.load()} finds, loaded before the class's first test. */
  public Plugins plugins() {
    return require(plugins);
  }

  /** The class's manager; everything it holds is freed after the class's last test. */
  public NDManager manager() {
    return require(manager);
  }

  private static <T> T require(T value) {
    if (value == null) {
      throw new IllegalStateException("PluginsAndManager is used outside its test class's lifetime;"
          + " register it with @RegisterExtension in a static field");
    }
    return value;
  }
}
