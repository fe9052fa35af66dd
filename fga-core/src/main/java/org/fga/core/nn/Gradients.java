package org.fga.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;

/** Gradient bookkeeping for methods that run an auxiliary backward inside their training step. */
public final class Gradients {
  private Gradients() {}

  /**
   * Zeroes, in place, the gradient an auxiliary backward left on {@code block}'s parameters, as
   * the step's store hands them out: the parameters themselves on one device, the shard's copies
   * in data-parallel training. Clearing {@code p.getArray()} directly would miss the copies.
   */
  public static void clear(ParameterStore ps, Block block) {
    for (Parameter p : block.getParameters().values()) {
      if (!p.requiresGradient()) {
        continue;
      }
      NDArray a = ps.getValue(p, p.getArray().getDevice(), true);
      if (a.hasGradient()) {
        JniUtils.zeroGrad((PtNDArray) a);
      }
    }
  }
}
