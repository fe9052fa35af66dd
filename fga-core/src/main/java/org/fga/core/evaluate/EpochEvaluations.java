package org.fga.core.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fga.core.error.FgaUserException;
import org.fga.core.metric.MetricPath;
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
   * several tie; epochs where it is undefined, NaN, are passed over), with {@code "epoch"} naming it.
   *
   * @param epochs the run's epochs: a line for each of 1..epochs must be there, so that the best
   *     is never chosen from a subset
   * @throws FgaUserException when an epoch's line is missing, {@code selectBy} names no number, or
   *     no epoch has one
   */
  public ObjectNode best(String selectBy, int epochs) {
    Map<Integer, JsonNode> byEpoch = new java.util.TreeMap<>();
    for (JsonNode line : JsonLinesLog.read(file)) {
      byEpoch.put(line.path("epoch").asInt(), line);
    }
    List<Integer> missing = new ArrayList<>();
    for (int e = 1; e <= epochs; e++) {
      if (!byEpoch.containsKey(e)) {
        missing.add(e);
      }
    }
    if (!missing.isEmpty()) {
      throw new FgaUserException(file + " has no evaluation of epoch(s) " + missing + " of " + epochs
          + "; the best epoch cannot be chosen (delete the run's folder to train it again)");
    }
    MetricPath path = new MetricPath(selectBy);
    JsonNode best = null;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (int e = 1; e <= epochs; e++) {
      JsonNode line = byEpoch.get(e);
      double v = path.read(line.path("metrics"), "eval.selectBy, epoch " + e);
      if (!Double.isNaN(v) && (best == null || v > bestValue)) {
        best = line;
        bestValue = v;
      }
    }
    if (best == null) {
      throw new FgaUserException("eval.selectBy '" + selectBy + "' is undefined (NaN) in every epoch of " + file);
    }
    ObjectNode out = json.createObjectNode();
    out.put("epoch", best.path("epoch").asInt());
    out.put("selectBy", selectBy);
    out.setAll((ObjectNode) best.path("metrics"));
    return out;
  }

  /**
   * Refuses a {@code selectBy} that names no number in {@code metrics} (one evaluation's results),
   * naming the keys there are: checked on the first epoch's results rather than after the last. A
   * number that is undefined (NaN) in this epoch passes.
   */
  public void requireNumber(String selectBy, Map<String, Object> metrics) {
    new MetricPath(selectBy).read(json.valueToTree(metrics), "eval.selectBy");
  }
}
