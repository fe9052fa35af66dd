package org.fga.core.plugin;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fga.core.error.FgaUserException;

/**
 * Plugins of one kind, by name. Two plugins claiming one name fail at start-up; an unknown name
 * fails with the list of known ones.
 */
public final class Registry<T extends Named> {
  private final String kind;
  private final Map<String, T> byName;

  public Registry(String kind, Collection<? extends T> plugins) {
    this.kind = kind;
    Map<String, T> map = new TreeMap<>();
    for (T p : plugins) {
      T previous = map.putIfAbsent(p.name(), p);
      if (previous != null) {
        throw new PluginException(
            String.format(
                "two %s plugins claim the name '%s': %s and %s",
                kind, p.name(), previous.getClass().getName(), p.getClass().getName()));
      }
    }
    this.byName = Collections.unmodifiableMap(map);
  }

  /** The plugin called {@code name}, or a {@link FgaUserException} listing the valid names. */
  public T get(String name) {
    T p = byName.get(name);
    if (p == null) {
      throw new FgaUserException(
          String.format("unknown %s '%s'; known: %s", kind, name, String.join(", ", names())));
    }
    return p;
  }

  public boolean contains(String name) {
    return byName.containsKey(name);
  }

  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  public Collection<T> all() {
    return byName.values();
  }

  public String kind() {
    return kind;
  }
}
