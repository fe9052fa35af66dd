package org.fga.methods.coarse2fine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.fga.core.nn.Scalars;

/**
 * Bilinear attention pooling (WS-DAN's BAP, the coarse stage's feature): every attention map
 * weights the feature channels, pooled by the spatial mean,
 * {@code P[b,m,c] = Σ_hw A[b,m,hw]·F[b,c,hw] / (H·W)} (one batched matrix product: DJL has no
 * einsum), flattened to B×(M·C), signed square root {@code sign(x)·sqrt(|x| + 1e-6)}, L2-normalised
 * with the norm floored at 1e-12 (as {@code sqrt(max(‖x‖², 1e-24))}, so an all-zero row has a zero
 * gradient instead of NaN).
 */
public final class AttentionPooling {
  private AttentionPooling() {}

  /**
   * @param features B×C×H×W
   * @param maps B×M×H×W
   * @return B×(M·C)
   */
  public static NDArray feature(NDArray features, NDArray maps) {
    Shape f = features.getShape();
    Shape a = maps.getShape();
    long hw = f.get(2) * f.get(3);
    NDArray fm = features.reshape(f.get(0), f.get(1), hw).transpose(0, 2, 1);
    NDArray pooled = Scalars.div(maps.reshape(a.get(0), a.get(1), hw).batchMatMul(fm), hw).reshape(f.get(0), -1);
    NDArray root = pooled.sign().mul(pooled.abs().add(1e-6f).sqrt());
    NDArray norm = Scalars.maximum(root.square().sum(new int[] {-1}, true), 1e-24).sqrt();
    return root.div(norm);
  }
}
