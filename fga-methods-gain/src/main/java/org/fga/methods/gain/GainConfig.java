package org.fga.methods.gain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.fga.core.method.MethodConfig;

/**
 * Settings of {@code gain} (self-guided GAIN, total loss {@code L_cl + α·L_am}). Defaults are the
 * paper's: σ 0.5, ω 10, α 1.
 *
 * @param tap backbone stage whose map feeds the head and Grad-CAM (default: the last)
 * @param head {@code gap-linear} (default) or {@code conv-gap-linear}
 * @param sigma threshold σ of the soft mask, on the min–max normalised map
 * @param omega scale ω of the soft mask
 * @param alpha weight α of the attention-mining loss
 * @param freezeBatchNorm if true the I* stream uses (and does not update) BN running statistics
 * @param fastCam use CAM's closed form instead of the auxiliary backward for a GAP → linear head
 * @param attentionOutput {@code map} (default) or {@code seeds}
 * @param seedThreshold seeds are pixels above this fraction of the map's maximum (paper: 0.2)
 * @param amScore {@code softmax} (default, ilyak93/GAIN-pytorch) or {@code sigmoid}
 *     (AustinDoolittle/Pytorch-Gain): the class score on I* that {@code L_am} pays for
 * @param alignCorners upsample the maps bilinearly with {@code align_corners=True} (default: the
 *     reference's {@code F.upsample_bilinear}); false gives {@code interpolate(align_corners=False)}
 * @param amWarmupEpochs train without {@code L_am} for this many epochs first (default 0, the
 *     paper; the ports pre-train the classifier alone: {@code --npretrain}, 5 by default)
 */
@JsonTypeName("gain")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GainConfig(
    String tap,
    HeadType head,
    Double sigma,
    Double omega,
    Double alpha,
    Boolean freezeBatchNorm,
    Boolean fastCam,
    AttentionOutput attentionOutput,
    Double seedThreshold,
    AmScore amScore,
    Boolean alignCorners,
    Integer amWarmupEpochs)
    implements MethodConfig {

  public GainConfig {
    head = head == null ? HeadType.GAP_LINEAR : head;
    sigma = GainSettings.orDefault(sigma, 0.5);
    omega = GainSettings.orDefault(omega, 10);
    alpha = GainSettings.orDefault(alpha, 1);
    freezeBatchNorm = freezeBatchNorm != null && freezeBatchNorm;
    fastCam = fastCam == null || fastCam;
    attentionOutput = attentionOutput == null ? AttentionOutput.MAP : attentionOutput;
    seedThreshold = GainSettings.orDefault(seedThreshold, 0.2);
    amScore = amScore == null ? AmScore.SOFTMAX : amScore;
    alignCorners = alignCorners == null || alignCorners;
    amWarmupEpochs = amWarmupEpochs == null ? 0 : amWarmupEpochs;
    GainSettings.check(amWarmupEpochs >= 0, "method.amWarmupEpochs must be >= 0, got " + amWarmupEpochs);
    GainSettings.check(sigma >= 0 && sigma <= 1, "method.sigma must be in [0, 1], got " + sigma);
    GainSettings.check(omega > 0, "method.omega must be > 0, got " + omega);
    GainSettings.check(alpha >= 0, "method.alpha must be >= 0, got " + alpha);
    GainSettings.check(
        seedThreshold > 0 && seedThreshold < 1, "method.seedThreshold must be in (0, 1), got " + seedThreshold);
  }

  public static GainConfig defaults() {
    return new GainConfig(null, null, null, null, null, null, null, null, null, null, null, null);
  }

  GainSettings settings() {
    return new GainSettings(
        tap, head, sigma, omega, alpha, 0, null, freezeBatchNorm, fastCam, attentionOutput, seedThreshold,
        amScore, alignCorners, amWarmupEpochs);
  }
}
