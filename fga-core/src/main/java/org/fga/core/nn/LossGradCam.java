package org.fga.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

/**
 * Grad-CAM of a loss, as LCR computes its rationale (GANPerf/LCR {@code models/byol.py:141-145}):
 * {@code ReLU(Σ_c F ⊙ ∂L/∂F)}, element-wise (no spatial averaging of the gradient, unlike the
 * classic Grad-CAM's channel weights). The gradient enters as a constant ({@code autograd.grad}
 * without {@code create_graph}); the map stays differentiable through F, so a loss on the map
 * trains the features that made it.
 *
 * <p>DJL 0.36 has no {@code torch.autograd.grad}; {@link FeatureGradient} reads {@code ∂L/∂F}.
 */
public final class LossGradCam {
  private LossGradCam() {}

  /**
   * @param features B×C×h×w feature maps (not detached)
   * @param gradient B×C×h×w gradient of the loss with respect to {@code features}, used as a constant
   * @return B×h×w maps
   */
  public static NDArray map(NDArray features, NDArray gradient) {
    Shape s = features.getShape();
    if (!s.equals(gradient.getShape())) {
      throw new IllegalArgumentException("features " + s + " but gradient " + gradient.getShape());
    }
    return Activation.relu(features.mul(gradient.stopGradient()).sum(new int[] {1}));
  }
}
