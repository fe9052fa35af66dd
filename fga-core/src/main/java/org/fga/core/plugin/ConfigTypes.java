package org.fga.core.plugin;

import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;

/** Builds the Jackson module that registers a plugin's polymorphic config records by name. */
public final class ConfigTypes {
  private ConfigTypes() {}

  /**
   * A Jackson module registering each record under its {@code @JsonTypeName} (or the given name).
   *
   * @param moduleName a name for the Jackson module, usually the plugin's
   * @param types the config records; each must carry {@code @JsonTypeName}
   */
  public static SimpleModule of(String moduleName, Class<?>... types) {
    SimpleModule m = new SimpleModule(moduleName);
    for (Class<?> t : types) {
      com.fasterxml.jackson.annotation.JsonTypeName n =
          t.getAnnotation(com.fasterxml.jackson.annotation.JsonTypeName.class);
      if (n == null) {
        throw new IllegalArgumentException(t.getName() + " needs @JsonTypeName");
      }
      m.registerSubtypes(new NamedType(t, n.value()));
    }
    return m;
  }

  /** The registered name of a config record: the value of its {@code @JsonTypeName}. */
  public static String nameOf(Object config) {
    return nameOf(config.getClass());
  }

  /** The value of a config record class's {@code @JsonTypeName}; one line if it has none. */
  public static String nameOf(Class<?> configType) {
    com.fasterxml.jackson.annotation.JsonTypeName n =
        configType.getAnnotation(com.fasterxml.jackson.annotation.JsonTypeName.class);
    if (n == null) {
      throw new PluginException(
          configType.getName() + " needs @JsonTypeName(\"<name>\"): the name experiment files select it by");
    }
    return n.value();
  }
}
