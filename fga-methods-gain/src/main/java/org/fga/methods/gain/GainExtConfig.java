package org.fga.methods.gain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.HashSet;
import java.util.List;
import org.fga.core.method.MethodConfig;

/**
 * Settings of {@code gain-ext} (GAINext, total loss {@code L_cl + α·L_am + ω_e·L_e}). The keys of
 * {@link GainConfig} plus the external stream's. Defaults are the paper's: σ 0.5, ω 10, α 1, ω_e 10.
 *
 * @param omegaE weight ω_e of the external-supervision loss
 * @param maskFraction fraction of the training images (chosen by a hash of the dataset index) whose
 *     masks or boxes supervise the attention; with neither this nor {@code maskIndices}: 1
 * @param maskIndices dataset indices whose masks supervise the attention (added to the fraction)
 */
@JsonTypeName("gain-ext")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GainExtConfig(
    String tap,
    HeadType head,
    Double sigma,
    Double omega,
    Double alpha,
    Double omegaE,
    Double maskFraction,
    List<Integer> maskIndices,
    Boolean freezeBatchNorm,
    Boolean fastCam,
    AttentionOutput attentionOutput,
    Double seedThreshold,
    AmScore amScore,
    Boolean alignCorners,
    Integer amWarmupEpochs)
    implements MethodConfig {

  public GainExtConfig {
    // The keys shared with gain get their defaults and checks in one place: GainConfig.
    GainConfig common =
        new GainConfig(
            tap, head, sigma, omega, alpha, freezeBatchNorm, fastCam, attentionOutput, seedThreshold,
            amScore, alignCorners, amWarmupEpochs);
    head = common.head();
    sigma = common.sigma();
    omega = common.omega();
    alpha = common.alpha();
    freezeBatchNorm = common.freezeBatchNorm();
    fastCam = common.fastCam();
    attentionOutput = common.attentionOutput();
    seedThreshold = common.seedThreshold();
    amScore = common.amScore();
    alignCorners = common.alignCorners();
    amWarmupEpochs = common.amWarmupEpochs();
    omegaE = GainSettings.orDefault(omegaE, 10);
    maskIndices = maskIndices == null ? List.of() : List.copyOf(maskIndices);
    maskFraction = GainSettings.orDefault(maskFraction, maskIndices.isEmpty() ? 1 : 0);
    GainSettings.check(omegaE >= 0, "method.omegaE must be >= 0, got " + omegaE);
    GainSettings.check(
        maskFraction >= 0 && maskFraction <= 1, "method.maskFraction must be in [0, 1], got " + maskFraction);
    GainSettings.check(
        maskIndices.stream().allMatch(i -> i >= 0), "method.maskIndices must be >= 0, got " + maskIndices);
  }

  public static GainExtConfig defaults() {
    return new GainExtConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  GainSettings settings() {
    return new GainConfig(
            tap, head, sigma, omega, alpha, freezeBatchNorm, fastCam, attentionOutput, seedThreshold,
            amScore, alignCorners, amWarmupEpochs)
        .settings()
        .withExternal(omegaE, new MaskSubset(maskFraction, new HashSet<>(maskIndices)));
  }
}
