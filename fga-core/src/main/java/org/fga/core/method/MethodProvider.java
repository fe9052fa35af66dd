package org.fga.core.method;

import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.plugin.ConfigTypes;
import org.fga.core.plugin.Named;
import org.fga.core.plugin.PluginTypes;

/**
 * A method plugin: builds the method's network and losses around a backbone.
 *
 * <p>The config record is given once, as the type argument ({@code implements
 * MethodProvider<MyConfig>}); the method's name is that record's {@code @JsonTypeName}, and the core
 * registers the record with the experiment-file readers. A provider therefore writes neither its
 * name nor a cast:
 *
 * <pre>{@code
 * public final class MyProvider implements MethodProvider<MyConfig> {
 *   public MyConfig defaultConfig() { return new MyConfig(null); }
 *   public Method create(MyConfig c, Backbone b, DatasetInfo d) { return new MyMethod(c, b, d); }
 * }
 * }</pre>
 *
 * @param <C> the method's config record (the {@code method:} block of an experiment file)
 */
public interface MethodProvider<C extends MethodConfig> extends Named {
  /**
   * The config record this method reads: the type argument {@code C} of the implementing class.
   * Override only in a provider generic in its config (then the type argument cannot be read).
   */
  default Class<C> configType() {
    return PluginTypes.typeArgument(getClass(), MethodProvider.class);
  }

  /** The config record's {@code @JsonTypeName}: what {@code method.type} selects. */
  @Override
  default String name() {
    return ConfigTypes.nameOf(configType());
  }

  /** A config with the paper's defaults, used by {@code fga demo} and {@code fga list}. */
  C defaultConfig();

  /** Builds the method from its own config record. */
  Method create(C config, Backbone backbone, DatasetInfo data);

  /**
   * {@link #create} from a config of any method type, as the core holds it after reading a spec:
   * the one place the record's class is checked, with a message naming both types.
   */
  default Method createFrom(MethodConfig config, Backbone backbone, DatasetInfo data) {
    Class<C> type = configType();
    if (!type.isInstance(config)) {
      throw new IllegalArgumentException(
          "method '" + name() + "' reads " + type.getSimpleName() + ", got "
              + (config == null ? "null" : config.getClass().getSimpleName()));
    }
    return create(type.cast(config), backbone, data);
  }
}
