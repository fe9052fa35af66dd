package org.fga.core.plugin;

/**
 * A plugin that cannot be registered as written: two plugins claiming one name, a provider whose
 * name differs from its config record's, a record without {@code @JsonTypeName}, a services file
 * naming a missing class. A fault of the plugin's code, not of the user's input; the command line
 * prints its message, which names the class at fault, as one line without a stack trace.
 */
public final class PluginException extends IllegalStateException {
  public PluginException(String message) {
    super(message);
  }

  public PluginException(String message, Throwable cause) {
    super(message, cause);
  }
}
