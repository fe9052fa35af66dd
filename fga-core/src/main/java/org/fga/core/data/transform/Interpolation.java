package org.fga.core.data.transform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.fga.core.error.InvalidOptionException;

/**
 * How a resampling step weighs source pixels, as PIL's {@code Image.resize} does (the references
 * resize PIL images): filters are widened by the scale factor when shrinking, so every source
 * pixel contributes; {@code nearest} takes the pixel under each output centre.
 */
public enum Interpolation {
  BILINEAR(1.0),
  BICUBIC(2.0),
  NEAREST(0.0);

  private final double support;

  Interpolation(double support) {
    this.support = support;
  }

  /** Half-width of the filter in source pixels at scale 1. */
  double support() {
    return support;
  }

  /** The filter's weight at distance {@code x} (in filter units). */
  double weight(double x) {
    double a = Math.abs(x);
    if (this == BILINEAR) {
      return a < 1 ? 1 - a : 0;
    }
    // PIL's bicubic, a = -0.5
    final double c = -0.5;
    if (a < 1) {
      return ((c + 2) * a - (c + 3)) * a * a + 1;
    }
    if (a < 2) {
      return (((a - 5) * a + 8) * a - 4) * c;
    }
    return 0;
  }

  @JsonValue
  public String spelled() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Interpolation of(String name) {
    for (Interpolation i : values()) {
      if (i.spelled().equals(name)) {
        return i;
      }
    }
    throw new InvalidOptionException(
        "interpolation",
        "must be one of "
            + Arrays.stream(values()).map(Interpolation::spelled).collect(Collectors.joining(", "))
            + ", got '"
            + name
            + "'");
  }
}
