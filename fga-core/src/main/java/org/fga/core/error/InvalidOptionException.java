package org.fga.core.error;

import java.math.BigDecimal;

/**
 * Thrown by a config record's constructor for one bad option. The record does not know where it
 * sits in the experiment file (a metric may be {@code eval.metrics[3]}), so it names only its own
 * key and {@link SpecReader} puts the path in front: {@code eval.metrics[1].thresholdStep must be
 * in (0, 1), got 2}.
 */
public final class InvalidOptionException extends IllegalArgumentException {
  private final String key;
  private final String problem;

  /**
   * @param key the option's name in the record, e.g. {@code thresholdStep}
   * @param problem what is wrong, starting with a verb: {@code must be in (0, 1), got 2}
   */
  public InvalidOptionException(String key, String problem) {
    super(key + " " + problem);
    this.key = key;
    this.problem = problem;
  }

  public String key() {
    return key;
  }

  public String problem() {
    return problem;
  }

  /** A number as the user wrote it: {@code 2} rather than {@code 2.0}. */
  public static String show(double v) {
    return Double.isFinite(v) ? BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : Double.toString(v);
  }
}
