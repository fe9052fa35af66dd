package org.fga.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * {@code ∂L/∂F} of a loss with respect to an intermediate feature map F, inside a training step,
 * at the cost of a backward through the layers after F only.
 *
 * <p>DJL 0.36 has no {@code torch.autograd.grad}. The layers after F run on {@code view = F.detach()
 * + z}, with z a zero leaf that requires a gradient; {@link #gradientOf} back-propagates the loss
 * with the graph kept, reads {@code ∂L/∂z = ∂L/∂F} and clears what that backward left in the
 * parameter gradients. Because {@code view} is cut from F, the loss no longer reaches the layers
 * before F: {@link #reconnect} gives the scalar {@code Σ F ⊙ g − (same, detached)}, zero in value,
 * whose gradient with respect to F is {@code g}; added to the total loss it restores exactly the
 * gradient the uncut graph would have sent to the layers before F.
 */
public final class FeatureGradient {
  private final NDArray features;
  private final NDArray leaf;
  private final NDArray view;

  private FeatureGradient(NDArray features) {
    this.features = features;
    this.leaf = features.zerosLike();
    leaf.setRequiresGradient(true);
    this.view = features.stopGradient().add(leaf);
  }

  /** Starts reading the gradient at {@code features}: run the later layers on {@link #view()}. */
  public static FeatureGradient at(NDArray features) {
    return new FeatureGradient(features);
  }

  /** What the layers after F must run on. */
  public NDArray view() {
    return view;
  }

  /**
   * {@code ∂loss/∂F} as a constant. The loss must depend on F only through {@link #view()} (the
   * part of the loss that does); the graph is kept for the step's own backward.
   *
   * @param clear the block whose parameter gradients this backward touched; they are zeroed
   */
  public NDArray gradientOf(NDArray loss, Block clear) {
    boolean gradMode = JniUtils.isGradMode();
    JniUtils.setGradMode(true);
    try {
      JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), true, false);
      NDArray g = leaf.getGradient().duplicate().stopGradient();
      clearGradients(clear);
      return g;
    } finally {
      JniUtils.setGradMode(gradMode);
    }
  }

  /** A zero-valued scalar whose gradient with respect to F is {@code gradient}. */
  public NDArray reconnect(NDArray gradient) {
    NDArray s = features.mul(gradient.stopGradient()).sum();
    return s.sub(s.stopGradient());
  }

  /** Zeroes the accumulated gradient of every trainable parameter of {@code block}, in place. */
  public static void clearGradients(Block block) {
    for (Parameter p : block.getParameters().values()) {
      NDArray a = p.getArray();
      if (p.requiresGradient() && a.hasGradient()) {
        JniUtils.zeroGrad((PtNDArray) a);
      }
    }
  }
}
