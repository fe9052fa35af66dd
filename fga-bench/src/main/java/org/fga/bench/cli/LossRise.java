package org.fga.bench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fga.core.rundir.JsonLinesLog;

/**
 * Flags a run whose loss rose far above where it started: a diverging recipe trains to any number
 * (Coarse2Fine at the baseline's rate landed between 30 and 59 % top-1 over three runs), so a table
 * row from it must say so rather than read as a result.
 */
final class LossRise {
  /** A term that reaches this multiple of its first logged value is flagged. */
  static final double FACTOR = 10;

  private static final Set<String> NOT_LOSSES = Set.of("epoch", "step", "lr", "imagesPerSec");

  private LossRise() {}

  /** The worst term's rise, as "coarse rose to 35× its first value", if any term rose ≥ FACTOR×. */
  static Optional<String> of(Path trainLog) {
    Map<String, Double> first = new LinkedHashMap<>();
    Map<String, Double> max = new LinkedHashMap<>();
    java.util.List<JsonNode> lines;
    try {
      lines = JsonLinesLog.read(trainLog);
    } catch (java.io.UncheckedIOException unreadable) {
      return Optional.empty(); // a flag, never a reason for the table to fail
    }
    for (JsonNode n : lines) {
      n.fields().forEachRemaining(e -> {
        if (!NOT_LOSSES.contains(e.getKey()) && e.getValue().isNumber()) {
          double v = e.getValue().asDouble();
          first.putIfAbsent(e.getKey(), v);
          max.merge(e.getKey(), v, Math::max);
        }
      });
    }
    String worst = null;
    double ratio = 0;
    for (var e : first.entrySet()) {
      double r = e.getValue() > 0 ? max.get(e.getKey()) / e.getValue() : 0;
      if (r > ratio) {
        ratio = r;
        worst = e.getKey();
      }
    }
    return ratio >= FACTOR
        ? Optional.of(String.format(Locale.ROOT, "%s rose to %.0f× its first value", worst, ratio))
        : Optional.empty();
  }
}
