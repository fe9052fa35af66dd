package org.fga.methods.ssl;

/**
 * What a BYOL network needs.
 *
 * @param tau EMA rate of the target ({@code tau = 0.996}, constant: {@code models/byol.py:97})
 * @param hidden hidden width of projector and predictor (4096)
 * @param projection output width of projector and predictor (256)
 * @param rationale LCR's branch and fitting loss, or null for plain BYOL
 */
public record ByolSettings(double tau, int hidden, int projection, Rationale rationale) {
  public ByolSettings {
    Checks.check(tau >= 0 && tau <= 1, "method.tau must be in [0, 1], got " + tau);
    Checks.check(hidden > 0, "method.hiddenSize must be positive, got " + hidden);
    Checks.check(projection > 0, "method.projectionSize must be positive, got " + projection);
  }
}
