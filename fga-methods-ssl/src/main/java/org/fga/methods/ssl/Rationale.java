package org.fga.methods.ssl;

/**
 * LCR's common-rationale settings.
 *
 * @param channels output channels of the branch's 1×1 convolution ({@code self.bilinear = 32})
 * @param temperature T of the {@link FitForm#FLAT} fitting loss (0.4, {@code main.py:87})
 * @param weight weight of the fitting loss in the total ({@code 0.01}: {@code main.py:95}, {@code
 *     --nu} of {@code main_moco.py})
 * @param form how the maps become distributions
 */
public record Rationale(int channels, double temperature, double weight, FitForm form) {
  public Rationale {
    Checks.check(channels > 0, "method.branchChannels must be positive, got " + channels);
    Checks.check(temperature > 0, "method.fitTemperature must be positive, got " + temperature);
    Checks.check(weight >= 0, "method.fitWeight must be >= 0, got " + weight);
  }
}
