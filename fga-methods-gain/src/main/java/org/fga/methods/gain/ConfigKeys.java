package org.fga.methods.gain;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import org.fga.core.error.FgaUserException;

/** Parses the string values of enum-valued config keys, naming the key and the valid values. */
final class ConfigKeys {
  private ConfigKeys() {}

  static <E extends Enum<E>> E parse(E[] values, Function<E, String> key, String value, String configKey) {
    String v = value.toLowerCase(Locale.ROOT);
    for (E e : values) {
      if (key.apply(e).equals(v)) {
        return e;
      }
    }
    throw new FgaUserException(
        configKey + ": unknown value '" + value + "'; valid: " + Arrays.stream(values).map(key).toList());
  }
}
