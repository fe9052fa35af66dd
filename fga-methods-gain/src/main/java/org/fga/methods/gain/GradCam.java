package org.fga.methods.gain;

import org.fga.core.nn.Scalars;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import org.fga.core.nn.Pooling;

/**
 * Grad-CAM computed inside a training step (Selvaraju et al.; GAIN eq. 1–2):
 * {@code w_c^k = mean_ij ∂s_c/∂F^k_ij} as constants, {@code A_c = ReLU(Σ_k w_c^k F^k)} differentiable
 * through F.
 *
 * <p>DJL 0.36 has no {@code torch.autograd.grad}. The gradient of the class score with respect to F
 * is read through a zero leaf: the head is run a second time on {@code F.detach() + z} with {@code
 * z} a zero array that requires a gradient, and {@code JniUtils.backward} of the selected scores
 * leaves {@code ∂s/∂F} in {@code z}'s gradient. Running the head on a detached copy keeps this
 * auxiliary backward out of the backbone (it only touches the head, which is cheap) and out of the
 * main graph, so the main graph need not be retained; it is exact because the head is a function of
 * F alone (no batch statistics, no dropout). The backward still accumulates into the head's
 * parameter gradients, which are cleared right after, so the trainer's backward of the total loss
 * yields exactly the analytic gradients.
 */
public final class GradCam {
  private GradCam() {}

  /**
   * Channel weights by the auxiliary backward.
   *
   * @param net the network whose head maps features to logits
   * @param ps the step's parameter store
   * @param features B×C×h×w feature maps (the head's input)
   * @param selector B×K float, 1 at the (image, class) scores whose gradient is wanted: each image's
   *     row must select one class, or none (its weights are then 0)
   * @param training the head's training flag
   * @return B×C constants {@code mean_ij ∂s/∂F}
   */
  public static NDArray weightsByBackward(
      GainNetwork net, ParameterStore ps, NDArray features, NDArray selector, boolean training) {
    boolean gradMode = JniUtils.isGradMode();
    JniUtils.setGradMode(true); // off by default outside a GradientCollector (evaluation)
    try {
      NDArray z = features.zerosLike();
      z.setRequiresGradient(true);
      NDArray logits = net.logits(ps, features.stopGradient().add(z), training);
      // Scores of different images do not interact (the head has no batch statistics), so one
      // backward of their sum gives every image its own ∂s_i/∂F_i.
      NDArray target = logits.mul(selector).sum();
      JniUtils.backward((PtNDArray) target, (PtNDArray) target.onesLike(), false, false);
      NDArray weights = Pooling.gap(z.getGradient()).stopGradient();
      org.fga.core.nn.Gradients.clear(ps, net.head());
      return weights;
    } finally {
      JniUtils.setGradMode(gradMode);
    }
  }

  /**
   * The closed form for a GAP → linear head: {@code ∂s_c/∂F^k_ij = W_ck / (h·w)}, so the spatial
   * mean is {@code W_ck / (h·w)}. Equal to {@link #weightsByBackward} on such a head, without a
   * backward; W enters as a constant, as the auxiliary backward's weights do.
   *
   * @param fcWeight K×C classifier weight
   */
  public static NDArray weightsClosedForm(NDArray features, NDArray fcWeight, NDArray selector) {
    Shape s = features.getShape();
    return selector.matMul(fcWeight.stopGradient()).div(s.get(2) * s.get(3));
  }

  /** {@code ReLU(Σ_k w^k F^k)}: B×C weights and B×C×h×w features to B×h×w maps. */
  public static NDArray map(NDArray features, NDArray weights) {
    Shape s = features.getShape();
    return weights.reshape(s.get(0), s.get(1), 1, 1).mul(features).sum(new int[] {1}).maximum(Scalars.of(features, 0));
  }
}
