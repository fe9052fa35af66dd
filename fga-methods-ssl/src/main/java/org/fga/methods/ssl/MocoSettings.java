package org.fga.methods.ssl;

/**
 * What a MoCo v2 network needs.
 *
 * @param queueSize K, negatives in the queue (65,536)
 * @param momentum m of the key encoder's EMA (0.999)
 * @param temperature T of InfoNCE (0.2 for MoCo v2; the script's default is 0.07)
 * @param dim output width of the MLP head (256, {@code --moco-dim})
 * @param hidden hidden width of the MLP head (the backbone's width, 2048 for ResNet-50); 0 means
 *     the backbone's channels
 * @param rationale LCR's branch and fitting loss, or null for plain MoCo v2
 */
public record MocoSettings(int queueSize, double momentum, double temperature, int dim, int hidden, Rationale rationale) {
  public MocoSettings {
    Checks.check(queueSize > 0, "method.queueSize must be positive, got " + queueSize);
    Checks.check(momentum >= 0 && momentum <= 1, "method.momentum must be in [0, 1], got " + momentum);
    Checks.check(temperature > 0, "method.temperature must be positive, got " + temperature);
    Checks.check(dim > 0, "method.dim must be positive, got " + dim);
    Checks.check(hidden >= 0, "method.hiddenSize must be >= 0, got " + hidden);
  }
}
