package org.fga.core.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The {@code eval:} block.
 *
 * @param metrics registered metric names, e.g. {@code [accuracy, wsol]}
 * @param split the split that is reported ({@code test} by default)
 * @param heldOut the split thresholds are chosen on (never the reported one), or null
 * @param overlays how many attention overlays to write as PNGs under {@code attention/}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvalSpec(List<String> metrics, String split, String heldOut, Integer overlays) {
  public EvalSpec {
    metrics = metrics == null ? List.of("accuracy") : List.copyOf(metrics);
    split = split == null ? "test" : split;
    overlays = overlays == null ? 8 : overlays;
  }

  public static EvalSpec defaults() {
    return new EvalSpec(null, null, null, null);
  }
}
