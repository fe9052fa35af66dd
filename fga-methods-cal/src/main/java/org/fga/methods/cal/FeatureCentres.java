package org.fga.methods.cal;

import ai.djl.ndarray.NDArray;
import org.fga.core.nn.Scalars;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * WS-DAN's attention regularisation: one moving centre per class in the BAP feature space, the
 * loss {@code Σ_i ‖f_i − c_{y_i}‖² / B} pulling features to their class centre, and the update
 * {@code c_k += β·(f − c_k)} made without gradient. The centres are method state: checkpoints save
 * them and a resumed run writes them back in place.
 */
public final class FeatureCentres implements AutoCloseable {
  private final NDManager manager;
  private final NDArray centres;
  private final float beta;
  private final boolean normalize;

  /**
   * @param classes K
   * @param dim D, the BAP feature length M·C
   * @param beta update rate β
   * @param normalize L2-normalise the centres before use, as the reference code does
   */
  public FeatureCentres(int classes, long dim, double beta, boolean normalize) {
    this.manager = NDManager.newBaseManager();
    this.centres = manager.zeros(new Shape(classes, dim));
    this.beta = (float) beta;
    this.normalize = normalize;
  }

  public NDArray centres() {
    return centres;
  }

  /** The centres of the batch's labels, B×D, as constants (optionally L2-normalised). */
  public NDArray of(NDArray labels) {
    // the one-hot lives in the step's manager, and so does the product (DJL attaches results to
    // the left operand's manager), so nothing accumulates in the centres' manager
    NDArray oneHot = labels.oneHot((int) centres.getShape().get(0)).toType(centres.getDataType(), false);
    NDArray c = oneHot.matMul(centres).stopGradient();
    return normalize ? Bap.l2Normalize(c) : c;
  }

  /** {@code Σ_i ‖f_i − c_i‖² / B} (MSE with sum reduction divided by the batch). */
  public static NDArray loss(NDArray features, NDArray batchCentres) {
    return Scalars.div(features.sub(batchCentres).square().sum(), features.getShape().get(0));
  }

  /**
   * Moves each class centre towards its features: {@code c_k += β·mean_{i: y_i = k}(f_i − c_i)},
   * with {@code c_i} as returned by {@link #of}. A class seen once gets the paper's rule exactly;
   * the reference's indexed assignment keeps only one of several same-class samples, the mean keeps
   * them all.
   */
  public void update(NDArray features, NDArray labels, NDArray batchCentres) {
    int k = (int) centres.getShape().get(0);
    NDArray oneHot = labels.oneHot(k).toType(features.getDataType(), false); // B×K
    NDArray counts = oneHot.sum(new int[] {0}).maximum(1f).reshape(k, 1);
    NDArray delta = oneHot.transpose().matMul(features.stopGradient().sub(batchCentres)).div(counts);
    centres.addi(delta.mul(beta).toDevice(centres.getDevice(), false));
  }

  @Override
  public void close() {
    manager.close();
  }
}
