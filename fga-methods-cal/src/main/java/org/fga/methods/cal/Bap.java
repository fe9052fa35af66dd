package org.fga.methods.cal;

import ai.djl.ndarray.NDArray;
import org.fga.core.nn.Scalars;
import ai.djl.ndarray.types.Shape;

/**
 * Bilinear attention pooling (WS-DAN): every attention map weights the feature channels, pooled by
 * the spatial mean, {@code feat[b,m,c] = Σ_hw A[b,m,hw]·F[b,c,hw] / (H·W)}; the B×M×C result is
 * flattened, passed through the signed square root and L2-normalised over all M·C entries.
 */
public final class Bap {
  /** The ε inside the square root, {@code sign(x)·sqrt(|x| + ε)}, as in the reference fgvc code. */
  public static final double SQRT_EPS = 1e-6;

  /** The same ε in the reference re-ID code (reid/modeling/baseline.py:10). */
  public static final double REID_SQRT_EPS = 1e-12;

  /** The floor of the L2 norm, as {@code F.normalize}'s default. */
  public static final double NORM_EPS = 1e-12;

  private Bap() {}

  /**
   * The raw pooled matrix (no square root, no normalisation) as one batched matrix product.
   *
   * @param features B×C×H×W
   * @param maps B×M×H×W attention maps at the feature resolution
   * @return B×M×C
   */
  public static NDArray pool(NDArray features, NDArray maps) {
    Shape f = features.getShape();
    Shape a = maps.getShape();
    long hw = f.get(2) * f.get(3);
    if (a.get(2) != f.get(2) || a.get(3) != f.get(3)) {
      throw new IllegalArgumentException("attention " + a + " and features " + f + " differ in size");
    }
    NDArray fm = features.reshape(f.get(0), f.get(1), hw).transpose(0, 2, 1); // B×HW×C
    return Scalars.div(maps.reshape(a.get(0), a.get(1), hw).batchMatMul(fm), hw);
  }

  /** {@code sign(x)·sqrt(|x| + ε)}: zero stays zero, and the gradient stays finite at zero. */
  public static NDArray signedSqrt(NDArray x) {
    return signedSqrt(x, SQRT_EPS);
  }

  /** {@code sign(x)·sqrt(|x| + eps)}. */
  public static NDArray signedSqrt(NDArray x, double eps) {
    return x.sign().mul(x.abs().add((float) eps).sqrt());
  }

  /**
   * Rows divided by {@code max(‖row‖₂, 1e-12)} (rows: the last axis of a B×D array), as {@code
   * F.normalize}. Written as {@code sqrt(max(‖row‖², 1e-24))}: the same value, but an all-zero row
   * (every attention map of an image switched off by the ReLU) gets a zero gradient instead of the
   * NaN that the square root's infinite slope at 0 would give.
   */
  public static NDArray l2Normalize(NDArray x) {
    NDArray norm = Scalars.maximum(x.square().sum(new int[] {-1}, true), NORM_EPS * NORM_EPS).sqrt();
    return x.div(norm);
  }

  /** The full BAP feature: pooled, flattened to B×(M·C), signed square root, L2-normalised. */
  public static NDArray feature(NDArray features, NDArray maps) {
    return feature(features, maps, SQRT_EPS);
  }

  /** The full BAP feature with {@code eps} inside the signed square root. */
  public static NDArray feature(NDArray features, NDArray maps, double eps) {
    NDArray pooled = pool(features, maps);
    return l2Normalize(signedSqrt(pooled.reshape(pooled.getShape().get(0), -1), eps));
  }
}
