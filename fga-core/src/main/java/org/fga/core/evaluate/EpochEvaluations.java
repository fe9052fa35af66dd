package org.fga.core.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.fga.core.error.FgaUserException;
import org.fga.core.rundir.JsonLinesLog;

/**
 * {@code eval-epochs.jsonl}: what {@code eval.everyEpoch} scored after each epoch, one line {@code
 * {"epoch": e, "metrics": {...}}} per epoch, and the epoch that scored best. Writing epoch {@code
 * e} first drops any line from epoch {@code e} on, left by an attempt that was killed before its
 * checkpoint: a resumed run retrains those epochs, so its file reads like an uninterrupted run's.
 */
public final class EpochEvaluations {
  private final Path file;
  private final ObjectMapper json;

  public EpochEvaluations(Path file, ObjectMapper json) {
    this.file = file;
    this.json = json;
  }

  /** Records epoch {@code epoch}'s (1-based) metrics, replacing what a killed attempt left for it and later epochs. */
  public void write(int epoch, Map<String, Object> metrics) {
    try (JsonLinesLog log = JsonLinesLog.open(file, "epoch", epoch - 1L)) {
      ObjectNode line = log.line();
      line.put("epoch", epoch);
      line.set("metrics", json.valueToTree(metrics));
      log.write(line);
    }
  }

  /**
   * Every metric of the epoch whose {@code selectBy} number is highest (the first such epoch if
   * several tie), with {@code "epoch"} naming it.
   *
   * @throws FgaUserException when no line holds a number at {@code selectBy}; the message lists the
   *     numbers there are
   */
  public ObjectNode best(String selectBy) {
    List<JsonNode> lines = JsonLinesLog.read(file);
    JsonNode best = null;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (JsonNode line : lines) {
      JsonNode v = at(line.path("metrics"), selectBy);
      if (!v.isNumber()) {
        throw unknown(selectBy, line.path("metrics"));
      }
      if (best == null || v.asDouble() > bestValue) {
        best = line;
        bestValue = v.asDouble();
      }
    }
    if (best == null) {
      throw new FgaUserException("no per-epoch evaluation in " + file + " to choose the best epoch from");
    }
    ObjectNode out = json.createObjectNode();
    out.put("epoch", best.path("epoch").asInt());
    out.put("selectBy", selectBy);
    out.setAll((ObjectNode) best.path("metrics"));
    return out;
  }

  /**
   * Refuses a {@code selectBy} that names no number in {@code metrics} (one evaluation's results),
   * listing those it could name: checked on the first epoch's results rather than after the last.
   */
  public void requireNumber(String selectBy, Map<String, Object> metrics) {
    JsonNode tree = json.valueToTree(metrics);
    if (!at(tree, selectBy).isNumber()) {
      throw unknown(selectBy, tree);
    }
  }

  private static JsonNode at(JsonNode metrics, String path) {
    JsonNode n = metrics;
    for (String part : path.split("\\.")) {
      n = n.path(part);
    }
    return n;
  }

  private static FgaUserException unknown(String selectBy, JsonNode metrics) {
    List<String> numbers = new ArrayList<>();
    collectNumbers(metrics, "", numbers);
    return new FgaUserException("eval.selectBy '" + selectBy + "' names no number in the evaluated metrics; valid: "
        + String.join(", ", numbers));
  }

  private static void collectNumbers(JsonNode n, String prefix, List<String> out) {
    if (n.isNumber()) {
      out.add(prefix);
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      collectNumbers(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), out);
    }
  }
}
