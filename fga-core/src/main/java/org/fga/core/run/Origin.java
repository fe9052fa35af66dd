package org.fga.core.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Where a run's spec came from: the experiment file and the {@code -o} overrides applied to it
 * (a table's row and cell overrides, then the command line's). Recorded in {@code metrics.json}
 * and {@code report.html}, so a run shrunk or changed on the command line is never read as the
 * committed experiment.
 *
 * @param file the experiment file as it was given
 * @param overrides {@code KEY=VALUE}, in the order applied
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Origin(String file, List<String> overrides) {
  /** Nothing known: code that built the spec itself (demo, tests). */
  public static final Origin NONE = new Origin(null, List.of());

  public Origin {
    overrides = overrides == null ? List.of() : List.copyOf(overrides);
  }

  public boolean isNone() {
    return file == null && overrides.isEmpty();
  }
}
