package org.fga.core.ssl;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import java.util.List;

/**
 * The exponential moving average of a target network (BYOL's target, MoCo's key encoder):
 * {@code θ_t ← τ·θ_t + (1 − τ)·θ_o} for every trainable parameter, as {@code
 * update_moving_average} (LCR {@code models/byol.py:94-99}) and {@code
 * _momentum_update_key_encoder} ({@code moco/builder.py:83-92}). Buffers (BatchNorm running
 * statistics) are not averaged: {@code module.parameters()} does not list them, and the target's
 * own forward passes keep its statistics.
 */
public final class Ema {
  private Ema() {}

  /** The pairs of parameters the average moves, checked to match in number and shape. */
  public static void update(List<Parameter> online, List<Parameter> target, double tau) {
    check(online, target);
    boolean gradMode = JniUtils.isGradMode();
    JniUtils.setGradMode(false);
    try {
      for (int i = 0; i < online.size(); i++) {
        NDArray t = target.get(i).getArray();
        NDArray o = online.get(i).getArray();
        t.muli(tau).addi(o.mul(1 - tau));
      }
    } finally {
      JniUtils.setGradMode(gradMode);
    }
  }

  /** Copies the online values into the target (its initialisation, as {@code copy.deepcopy}). */
  public static void copy(List<Parameter> online, List<Parameter> target) {
    check(online, target);
    boolean gradMode = JniUtils.isGradMode();
    JniUtils.setGradMode(false);
    try {
      for (int i = 0; i < online.size(); i++) {
        target.get(i).getArray().set(online.get(i).getArray().toFloatArray());
      }
    } finally {
      JniUtils.setGradMode(gradMode);
    }
  }

  private static void check(List<Parameter> online, List<Parameter> target) {
    if (online.size() != target.size()) {
      throw new IllegalArgumentException(online.size() + " online parameters but " + target.size() + " target ones");
    }
    for (int i = 0; i < online.size(); i++) {
      if (!online.get(i).getArray().getShape().equals(target.get(i).getArray().getShape())) {
        throw new IllegalArgumentException("parameter " + i + ": online " + online.get(i).getName() + " "
            + online.get(i).getArray().getShape() + " vs target " + target.get(i).getArray().getShape());
      }
    }
  }
}
