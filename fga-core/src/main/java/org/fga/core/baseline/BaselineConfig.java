package org.fga.core.baseline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.fga.core.method.MethodConfig;

/**
 * Settings of {@code baseline}.
 *
 * @param tap the backbone stage the head reads (default: the last)
 * @param labelSmoothing ε of the label-smoothed cross-entropy (0: plain cross-entropy)
 */
@JsonTypeName("baseline")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BaselineConfig(String tap, Double labelSmoothing) implements MethodConfig {
  public BaselineConfig {
    labelSmoothing = labelSmoothing == null ? 0.0 : labelSmoothing;
    if (labelSmoothing < 0 || labelSmoothing >= 1) {
      throw new IllegalArgumentException("labelSmoothing must be in [0, 1), got " + labelSmoothing);
    }
  }

  public static BaselineConfig defaults() {
    return new BaselineConfig(null, null);
  }
}
