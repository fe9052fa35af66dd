package org.fga.core.nn;

import ai.djl.ndarray.NDArray;

/** Losses as PyTorch defines them, on logits, averaged over the batch. */
public final class LossFunctions {
  private LossFunctions() {}

  /** {@code F.cross_entropy(logits, labels)}: logits B×K, labels B int64. */
  public static NDArray crossEntropy(NDArray logits, NDArray labels) {
    return crossEntropy(logits, labels, 0);
  }

  /**
   * Cross-entropy with label smoothing ε as {@code F.cross_entropy(..., label_smoothing=ε)}: the
   * target is (1 − ε)·one-hot + ε/K.
   */
  public static NDArray crossEntropy(NDArray logits, NDArray labels, double smoothing) {
    long k = logits.getShape().get(1);
    NDArray logp = logits.logSoftmax(1);
    NDArray target = labels.oneHot((int) k).toType(logp.getDataType(), false);
    if (smoothing > 0) {
      target = Scalars.mul(target, 1 - smoothing).add(smoothing / k);
    }
    return logp.mul(target).sum(new int[] {1}).neg().mean();
  }

  /** {@code F.binary_cross_entropy_with_logits(logits, targets)}, mean over all entries. */
  public static NDArray bceWithLogits(NDArray logits, NDArray targets) {
    // max(x, 0) − x·t + log(1 + exp(−|x|)): stable for large |x|
    NDArray relu = ai.djl.nn.Activation.relu(logits); // not maximum(0): see Scalars
    return relu.sub(logits.mul(targets)).add(logits.abs().neg().exp().add(1).log()).mean();
  }

  /** Softmax probabilities of each row's own label: B. */
  public static NDArray probabilityOf(NDArray logits, NDArray labels) {
    NDArray p = logits.softmax(1);
    return p.mul(labels.oneHot((int) logits.getShape().get(1)).toType(p.getDataType(), false))
        .sum(new int[] {1});
  }

  /**
   * The classification loss a batch calls for: binary cross-entropy on multi-hot targets for
   * multi-label data, else (label-smoothed) cross-entropy on the labels.
   */
  public static NDArray classification(NDArray logits, org.fga.core.method.Batch batch, double smoothing) {
    return batch.targets() != null
        ? bceWithLogits(logits, batch.targets())
        : crossEntropy(logits, batch.labels(), smoothing);
  }
}
