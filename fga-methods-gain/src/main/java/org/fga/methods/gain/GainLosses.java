package org.fga.methods.gain;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** GAIN's attention-mining (eq. 5) and GAINext's external-supervision (eq. 7) losses. */
public final class GainLosses {
  private GainLosses() {}

  /**
   * {@code L_am}: the class scores on the erased images, each (image, class) pair weighted. With
   * weights {@code 1/(n_i·B)} this is the batch mean of {@code (1/n_i) Σ_{c∈GT_i} s_c(I*_c)}.
   *
   * @param logits P×K logits of the P erased images (one per (image, ground-truth class) pair)
   * @param pairClasses P int64, the class each erased image was made for
   * @param pairWeights P float weights
   * @param multiLabel per-class sigmoid scores if true, else softmax probabilities
   */
  public static NDArray attentionMining(
      NDArray logits, NDArray pairClasses, NDArray pairWeights, boolean multiLabel) {
    NDArray scores = multiLabel ? Activation.sigmoid(logits) : logits.softmax(1);
    NDArray pick = pairClasses.oneHot((int) logits.getShape().get(1)).toType(scores.getDataType(), false);
    return scores.mul(pick).sum(new int[] {1}).mul(pairWeights).sum();
  }

  /** {@code L_e = mean((A − H)²)} over every pixel of the labelled images' maps and masks. */
  public static NDArray external(NDArray normalizedMaps, NDArray masks) {
    return normalizedMaps.sub(masks).square().mean();
  }
}
