package org.fga.core.spec;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * What lets a spec's unknown keys be reported all at once: Jackson stops at the first, so the
 * reader removes it from the tree and binds again; and the nearest known key for each, so that
 * {@code schedule.epoch} says "did you mean 'epochs'?".
 */
final class UnknownKeys {
  /** More than this many typos is a wrong file, not a few slips: stop listing. */
  static final int MAX = 20;

  private UnknownKeys() {}

  /** Removes the key an exception's path points at from {@code tree}; false if it cannot be found. */
  static boolean remove(JsonNode tree, List<JsonMappingException.Reference> path) {
    JsonNode node = tree;
    for (int i = 0; i < path.size(); i++) {
      JsonMappingException.Reference r = path.get(i);
      boolean last = i == path.size() - 1;
      if (r.getFieldName() != null) {
        if (!(node instanceof ObjectNode o) || !o.has(r.getFieldName())) {
          return false;
        }
        if (last) {
          o.remove(r.getFieldName());
          return true;
        }
        node = o.get(r.getFieldName());
      } else {
        if (!(node instanceof ArrayNode a) || r.getIndex() < 0 || r.getIndex() >= a.size()) {
          return false;
        }
        node = a.get(r.getIndex());
      }
    }
    return false;
  }

  /**
   * The known key a typo most likely meant: the same but for case, at most a third of its letters
   * off (one for short keys), or the start of a longer key; null if none is close.
   */
  static String nearest(String unknown, Collection<Object> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String u = unknown.toLowerCase(Locale.ROOT);
    for (Object k : known) {
      String key = k.toString();
      String lk = key.toLowerCase(Locale.ROOT);
      int d = distance(u, lk);
      boolean close = d <= Math.max(1, u.length() / 3) || (u.length() >= 3 && lk.startsWith(u));
      if (close && d < bestDistance) {
        best = key;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
