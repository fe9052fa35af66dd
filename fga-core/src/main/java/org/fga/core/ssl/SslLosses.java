package org.fga.core.ssl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import org.fga.core.nn.LossFunctions;
import org.fga.core.nn.Scalars;

/** The losses of BYOL and MoCo. */
public final class SslLosses {
  private SslLosses() {}

  /**
   * BYOL's {@code D(p, z) = −mean_i cos(p_i, z_i)} with z a constant (LCR {@code models/byol.py:34-42},
   * the "simplified" form; {@code F.cosine_similarity} clamps each norm at 1e-8).
   */
  public static NDArray negativeCosine(NDArray p, NDArray z) {
    NDArray zc = z.stopGradient();
    NDArray dot = p.mul(zc).sum(new int[] {1});
    NDArray norms = Scalars.maximum(p.norm(new int[] {1}), 1e-8).mul(Scalars.maximum(zc.norm(new int[] {1}), 1e-8));
    return dot.div(norms).mean().neg();
  }

  /**
   * MoCo's InfoNCE (LCR {@code moco/builder.py:259-263} and {@code main_moco.py:360}): logits
   * {@code [q·k, q·queueᵀ] / T}, cross-entropy with the positive at index 0.
   *
   * @param q B×D normalised queries
   * @param k B×D normalised keys (constants)
   * @param queue K×D negatives (constants)
   * @param temperature T
   */
  public static NDArray infoNce(NDArray q, NDArray k, NDArray queue, double temperature) {
    NDArray pos = q.mul(k.stopGradient()).sum(new int[] {1}, true);
    NDArray neg = q.matMul(queue.stopGradient().transpose());
    NDArray logits = Scalars.div(NDArrays.concat(new ai.djl.ndarray.NDList(pos, neg), 1), temperature);
    NDArray labels = q.getManager().zeros(new ai.djl.ndarray.types.Shape(q.getShape().get(0)), DataType.INT64);
    return LossFunctions.crossEntropy(logits, labels);
  }

  /** Row-wise L2 normalisation as {@code F.normalize(x, dim=1)} (norm clamped at 1e-12). */
  public static NDArray normalize(NDArray x) {
    return x.div(Scalars.maximum(x.norm(new int[] {1}, true), 1e-12));
  }
}
