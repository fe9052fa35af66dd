package org.fga.methods.cal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * The random draws of one CAL / WS-DAN training step: the counterfactual maps Ā ~ U(0, 2), the
 * two attention maps picked per image for the crop and the drop, and the crop and drop thresholds.
 * Training takes them from the step's seeded generator ({@link #seeded}); the reference-equivalence
 * tests pass the draws the reference code made, so both sides see the same randomness.
 */
interface Draws {
  /** Counterfactual attention maps shaped {@code shape}, U(0, 2) per element. */
  NDArray counterfactualMaps(NDManager manager, Shape shape);

  /**
   * Two maps per image (crop, drop), drawn with replacement with probability ∝ sqrt(sum + 1e-6).
   *
   * @param sums B×M spatial sums of the attention maps, row-major
   */
  int[][] pickMaps(float[] sums, int batch, int maps);

  /** The crop threshold of the next image, as a fraction of its map's maximum. */
  double cropTheta(double[] range);

  /** The drop threshold of the next image, as a fraction of its map's maximum. */
  double dropTheta(double[] range);

  /** Draws from {@code random}, in the order the step asks for them. */
  static Draws seeded(Random random) {
    return new Draws() {
      @Override
      public NDArray counterfactualMaps(NDManager manager, Shape shape) {
        return Counterfactual.maps(manager, shape, true, random);
      }

      @Override
      public int[][] pickMaps(float[] sums, int batch, int maps) {
        return AttentionAugment.chooseMaps(sums, batch, maps, 2, random);
      }

      @Override
      public double cropTheta(double[] range) {
        return AttentionAugment.uniform(range, random);
      }

      @Override
      public double dropTheta(double[] range) {
        return AttentionAugment.uniform(range, random);
      }
    };
  }
}
