package org.fga.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Keys a spec has today that a stored resolved spec lacks. A resolved spec lists every key, so a
 * missing one means the file was written by an earlier fga, before the key existed; its value now
 * comes from today's default, which need not be what the run was trained with (a new generator
 * option, a reader that now crops). Resuming such a run would quietly change it.
 */
final class SpecDrift {
  private SpecDrift() {}

  /** Dotted paths, with today's values, of the keys {@code current} has and {@code stored} lacks. */
  static List<String> missingKeys(JsonNode stored, JsonNode current) {
    List<String> out = new ArrayList<>();
    walk(stored, current, "", out);
    return out;
  }

  private static void walk(JsonNode stored, JsonNode current, String path, List<String> out) {
    if (stored.isObject() && current.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = current.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        JsonNode old = stored.get(e.getKey());
        if (old == null) {
          out.add(key + " (now " + e.getValue() + ")");
        } else {
          walk(old, e.getValue(), key, out);
        }
      }
    } else if (stored.isArray() && current.isArray() && stored.size() == current.size()) {
      for (int i = 0; i < current.size(); i++) {
        walk(stored.get(i), current.get(i), path + "[" + i + "]", out);
      }
    }
    // anything else (a bare metric name that now reads as its config object, a changed value)
    // is the same setting spelt another way, or the user's edit: not drift
  }
}
