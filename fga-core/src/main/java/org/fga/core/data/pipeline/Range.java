package org.fga.core.data.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/** A closed interval {@code [min, max]}, written as a two-element list (or one number for both). */
public record Range(double min, double max) {
  public Range {
    if (!(min <= max)) {
      throw new IllegalArgumentException("must be [min, max] with min <= max, got [" + min + ", " + max + "]");
    }
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Range of(Object value) {
    if (value instanceof Number n) {
      return new Range(n.doubleValue(), n.doubleValue());
    }
    if (value instanceof List<?> l
        && l.size() == 2
        && l.get(0) instanceof Number a
        && l.get(1) instanceof Number b) {
      return new Range(a.doubleValue(), b.doubleValue());
    }
    throw new IllegalArgumentException("must be [min, max], got " + value);
  }

  @JsonValue
  public List<Double> asList() {
    return List.of(min, max);
  }
}
