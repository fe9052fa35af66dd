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
  /** A class repeated in a batch keeps its last sample's update, as the reference's assignment. */
  public static final String LAST = "last";

  /** A class repeated in a batch moves by the mean of its samples' updates. */
  public static final String MEAN = "mean";

  private final NDManager manager;
  private final NDArray centres;
  private final float beta;
  private final boolean normalize;
  private final boolean lastWins;

  /**
   * @param classes K
   * @param dim D, the BAP feature length M·C
   * @param beta update rate β
   * @param normalize L2-normalise the centres before use, as the reference code does
   * @param update {@link #LAST} or {@link #MEAN}
   */
  public FeatureCentres(int classes, long dim, double beta, boolean normalize, String update) {
    this.manager = NDManager.newBaseManager();
    this.centres = manager.zeros(new Shape(classes, dim));
    this.beta = (float) beta;
    this.normalize = normalize;
    this.lastWins = LAST.equals(update);
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
   * Moves each class centre towards its features: {@code c_k += β·(f_i − c_i)}, with {@code c_i}
   * as returned by {@link #of}. A class seen once gets this rule exactly. For a class seen several
   * times, {@link #LAST} keeps the update of its last sample in the batch, which is what the
   * reference's {@code center[y] += β·(f − c)} computes (an indexed assignment: every sample's
   * write lands on the same row, the last one stays; train_distributed.py:219 on the CPU);
   * {@link #MEAN} uses the mean of its samples' updates.
   */
  public void update(NDArray features, NDArray labels, NDArray batchCentres) {
    int k = (int) centres.getShape().get(0);
    long[] y = labels.toType(ai.djl.ndarray.types.DataType.INT64, false).toLongArray();
    float[] weights = new float[y.length * k]; // B×K: how much sample i moves centre k
    int[] counts = new int[k];
    for (long label : y) {
      counts[(int) label]++;
    }
    boolean[] taken = new boolean[k];
    for (int i = y.length - 1; i >= 0; i--) {
      int c = (int) y[i];
      if (!lastWins) {
        weights[i * k + c] = 1f / counts[c];
      } else if (!taken[c]) {
        weights[i * k + c] = 1f;
        taken[c] = true;
      }
    }
    NDArray w = labels.getManager().create(weights, new Shape(y.length, k)).toType(features.getDataType(), false);
    NDArray delta = w.transpose().matMul(features.stopGradient().sub(batchCentres));
    centres.addi(Scalars.mul(delta, beta).toDevice(centres.getDevice(), false));
  }

  @Override
  public void close() {
    manager.close();
  }
}
