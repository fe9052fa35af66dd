package org.fga.methods.ssl;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.fga.core.method.MethodConfig;

/**
 * Settings of {@code byol} (Grill et al. 2020, as LCR's {@code models/byol.py} runs it). Needs a
 * training pipeline with two {@code views}.
 *
 * @param tau EMA rate of the target network (0.996, constant)
 * @param hiddenSize hidden width of projector and predictor (4096)
 * @param projectionSize output width of projector and predictor (256)
 */
@JsonTypeName("byol")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ByolConfig(Double tau, Integer hiddenSize, Integer projectionSize) implements MethodConfig {
  public ByolConfig {
    tau = Checks.or(tau, 0.996);
    hiddenSize = Checks.or(hiddenSize, 4096);
    projectionSize = Checks.or(projectionSize, 256);
    settings(tau, hiddenSize, projectionSize, null);
  }

  public static ByolConfig defaults() {
    return new ByolConfig(null, null, null);
  }

  ByolSettings settings() {
    return settings(tau, hiddenSize, projectionSize, null);
  }

  static ByolSettings settings(double tau, int hidden, int projection, Rationale r) {
    return new ByolSettings(tau, hidden, projection, r);
  }
}
