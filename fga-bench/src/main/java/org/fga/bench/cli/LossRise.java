package org.fga.bench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
  static Optional<String> of(Path trainLog, ObjectMapper json) {
    if (!Files.isRegularFile(trainLog)) {
      return Optional.empty();
    }
    Map<String, Double> first = new LinkedHashMap<>();
    Map<String, Double> max = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(trainLog)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = json.readTree(line);
        n.fields().forEachRemaining(e -> {
          if (!NOT_LOSSES.contains(e.getKey()) && e.getValue().isNumber()) {
            double v = e.getValue().asDouble();
            first.putIfAbsent(e.getKey(), v);
            max.merge(e.getKey(), v, Math::max);
          }
        });
      }
    } catch (IOException e) {
      return Optional.empty();
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
