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
   * @param score softmax probabilities over the classes, or per-class sigmoids
   */
  public static NDArray attentionMining(
      NDArray logits, NDArray pairClasses, NDArray pairWeights, AmScore score) {
    NDArray scores = score == AmScore.SIGMOID ? Activation.sigmoid(logits) : logits.softmax(1);
    NDArray pick = pairClasses.oneHot((int) logits.getShape().get(1)).toType(scores.getDataType(), false);
    return scores.mul(pick).sum(new int[] {1}).mul(pairWeights).sum();
  }

  /**
   * {@code L_e}: per map, the mean of {@code (A − H)²} over its valid pixels, then the mean over
   * maps. With every pixel valid this is the reference's {@code handle_EX_loss} ({@code
   * main_MedT.py:346}): per-image mean squared difference, averaged over the labelled images.
   *
   * @param normalizedMaps P×H×W maps in [0, 1], one per (labelled image, class) pair
   * @param targets P×H×W {0, 1} targets: the mask of the pair's class
   * @param valid P×H×W 1 where the pixel counts, 0 on void (VOC's 255)
   */
  public static NDArray external(NDArray normalizedMaps, NDArray targets, NDArray valid) {
    int[] pixels = {1, 2};
    NDArray perMap = normalizedMaps.sub(targets).square().mul(valid).sum(pixels);
    // a map whose pixels are all void contributes 0 (its count is floored at 1, not divided by 0)
    NDArray count = valid.sum(pixels).maximum(1f);
    return perMap.div(count).mean();
  }
}
