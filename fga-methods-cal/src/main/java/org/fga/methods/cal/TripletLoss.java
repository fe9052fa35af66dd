package org.fga.methods.cal;

import ai.djl.ndarray.NDArray;
import org.fga.core.nn.Scalars;

/**
 * Batch-hard triplet loss (Hermans et al. 2017, as torchreid / the reference reid code): for each
 * anchor the farthest same-identity sample and the nearest other-identity sample under Euclidean
 * distance, {@code mean(max(0, d_ap − d_an + margin))}. Anchors without any other identity in the
 * batch are left out of the mean; with a P×K sampler every anchor has both.
 */
public final class TripletLoss {
  private TripletLoss() {}

  /** Pairwise Euclidean distances of B×D rows, {@code sqrt(max(‖a‖² + ‖b‖² − 2a·b, 1e-12))}. */
  public static NDArray distances(NDArray x) {
    NDArray sq = x.square().sum(new int[] {1}, true); // B×1
    NDArray d2 = sq.add(sq.transpose()).sub(Scalars.mul(x.matMul(x.transpose()), 2));
    return Scalars.maximum(d2, 1e-12).sqrt();
  }

  /**
   * @param features B×D
   * @param labels B int64 identities
   */
  public static NDArray batchHard(NDArray features, NDArray labels, double margin) {
    long b = labels.getShape().get(0);
    NDArray dist = distances(features);
    NDArray same = labels.reshape(b, 1).eq(labels.reshape(1, b)).toType(dist.getDataType(), false);
    NDArray other = same.neg().add(1);
    // distances are >= 0: zeroing the negatives leaves the hardest positive as the row maximum;
    // pushing the positives up by more than any distance leaves the hardest negative as the minimum
    NDArray dap = dist.mul(same).max(new int[] {1});
    float big = dist.max().stopGradient().getFloat() + 1;
    NDArray dan = dist.add(same.mul(big)).min(new int[] {1});
    NDArray valid = other.max(new int[] {1});
    NDArray hinge = Scalars.maximum(dap.sub(dan).add((float) margin), 0).mul(valid);
    return hinge.sum().div(valid.sum().maximum(1f));
  }
}
