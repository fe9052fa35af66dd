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

  /**
   * Top-level keys that label a run without changing what it computes: a paper's number filled in
   * later must not make a finished run "another experiment" (nor retrain a cached pretraining).
   */
  static final java.util.Set<String> LABELS = java.util.Set.of("paper");

  /**
   * The first key at which two resolved specs differ, as {@code key: stored → now}, or null when
   * they are the same; {@link #LABELS} are not compared.
   */
  static String firstDifference(JsonNode stored, JsonNode now) {
    return difference(stored, now, "");
  }

  private static String difference(JsonNode a, JsonNode b, String path) {
    if (a.isObject() && b.isObject()) {
      java.util.Set<String> keys = new java.util.TreeSet<>();
      a.fieldNames().forEachRemaining(keys::add);
      b.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        if (path.isEmpty() && LABELS.contains(k)) {
          continue;
        }
        String key = path.isEmpty() ? k : path + "." + k;
        JsonNode x = a.get(k);
        JsonNode y = b.get(k);
        if (x == null || y == null) {
          return key + ": " + (x == null ? "absent" : x) + " -> " + (y == null ? "absent" : y);
        }
        String d = difference(x, y, key);
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        String d = difference(a.get(i), b.get(i), path + "[" + i + "]");
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.asDouble() == b.asDouble() ? null : path + ": " + a + " -> " + b;
    }
    return a.equals(b) ? null : path + ": " + a + " -> " + b;
  }
}
