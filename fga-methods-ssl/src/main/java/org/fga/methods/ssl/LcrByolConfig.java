package org.fga.methods.ssl;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.fga.core.method.MethodConfig;

/**
 * Settings of {@code lcr-byol}: BYOL plus LCR's common-rationale branch fitted to the Grad-CAM of
 * the BYOL loss (GANPerf/LCR {@code models/byol.py}, {@code main.py}). Defaults are the
 * reference's.
 *
 * @param tau EMA rate of the target network (0.996)
 * @param hiddenSize hidden width of projector and predictor (4096)
 * @param projectionSize output width of projector and predictor (256)
 * @param branchChannels channels of the branch's 1×1 convolution (32)
 * @param fitTemperature T of the fitting loss's softmax (0.4)
 * @param fitWeight weight of the fitting loss (0.01)
 * @param fitForm {@code flat} (default, {@code main.py}) or {@code rows} ({@code main_moco.py})
 */
@JsonTypeName("lcr-byol")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LcrByolConfig(
    Double tau,
    Integer hiddenSize,
    Integer projectionSize,
    Integer branchChannels,
    Double fitTemperature,
    Double fitWeight,
    FitForm fitForm)
    implements MethodConfig {
  public LcrByolConfig {
    tau = Checks.or(tau, 0.996);
    hiddenSize = Checks.or(hiddenSize, 4096);
    projectionSize = Checks.or(projectionSize, 256);
    branchChannels = Checks.or(branchChannels, 32);
    fitTemperature = Checks.or(fitTemperature, 0.4);
    fitWeight = Checks.or(fitWeight, 0.01);
    fitForm = fitForm == null ? FitForm.FLAT : fitForm;
    settings(tau, hiddenSize, projectionSize, branchChannels, fitTemperature, fitWeight, fitForm);
  }

  public static LcrByolConfig defaults() {
    return new LcrByolConfig(null, null, null, null, null, null, null);
  }

  ByolSettings settings() {
    return settings(tau, hiddenSize, projectionSize, branchChannels, fitTemperature, fitWeight, fitForm);
  }

  private static ByolSettings settings(
      double tau, int hidden, int projection, int channels, double t, double w, FitForm form) {
    return new ByolSettings(tau, hidden, projection, new Rationale(channels, t, w, form));
  }
}
