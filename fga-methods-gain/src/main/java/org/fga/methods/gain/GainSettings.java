package org.fga.methods.gain;

/**
 * The settings both {@code gain} and {@code gain-ext} read, after defaults and checks.
 *
 * @param tap backbone stage for Grad-CAM and the head (null: the last)
 * @param head the classifier head on that stage
 * @param sigma σ of the soft mask
 * @param omega ω of the soft mask
 * @param alpha weight α of {@code L_am}
 * @param omegaE weight ω_e of {@code L_e} (0 for plain GAIN)
 * @param subset images of the external stream (null for plain GAIN)
 * @param freezeBatchNorm run the I* stream with batch-norm running statistics, not updating them
 * @param fastCam use the CAM closed form when the head is GAP → linear
 * @param attentionOutput what {@code attention()} returns
 * @param seedThreshold fraction of the map's maximum above which a pixel is a seed
 * @param amScore the score {@code L_am} pays for
 * @param alignCorners bilinear upsampling of the maps with {@code align_corners=True}
 * @param amWarmupEpochs epochs trained on {@code L_cl} (and {@code L_e}) alone before {@code L_am}
 */
record GainSettings(
    String tap,
    HeadType head,
    double sigma,
    double omega,
    double alpha,
    double omegaE,
    MaskSubset subset,
    boolean freezeBatchNorm,
    boolean fastCam,
    AttentionOutput attentionOutput,
    double seedThreshold,
    AmScore amScore,
    boolean alignCorners,
    int amWarmupEpochs) {

  static double orDefault(Double v, double d) {
    return v == null ? d : v;
  }

  static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** These settings with GAINext's external stream. */
  GainSettings withExternal(double newOmegaE, MaskSubset newSubset) {
    return new GainSettings(
        tap, head, sigma, omega, alpha, newOmegaE, newSubset, freezeBatchNorm, fastCam, attentionOutput, seedThreshold,
        amScore, alignCorners, amWarmupEpochs);
  }
}
