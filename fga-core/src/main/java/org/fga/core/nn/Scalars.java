package org.fga.core.nn;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * Array–scalar arithmetic that is safe under autograd. DJL 0.36's {@code x.mul(Number)} (and
 * {@code div}, {@code maximum}, {@code pow}, ...) wraps the number in an array over a Java buffer
 * and closes it right after the operation; when libtorch saved that operand for the backward pass
 * ({@code mul}, {@code div}, {@code maximum} and {@code pow} do), the backward reads freed memory
 * and gradients turn to garbage or NaN now and then. Here the scalar array is made in the operand's
 * manager and left open, so it lives until that manager (the training step's) closes. Use these on
 * every path gradients flow through; {@code add(Number)} and {@code sub(Number)} save nothing and
 * are safe as they are.
 */
public final class Scalars {
  private Scalars() {}

  /** A 0-d array of {@code v} in {@code like}'s manager and data type. */
  public static NDArray of(NDArray like, double v) {
    return like.getManager().create((float) v).toType(like.getDataType(), false);
  }

  public static NDArray mul(NDArray x, double v) {
    return x.mul(of(x, v));
  }

  public static NDArray div(NDArray x, double v) {
    return x.div(of(x, v));
  }

  public static NDArray maximum(NDArray x, double v) {
    return x.maximum(of(x, v));
  }

  public static NDArray minimum(NDArray x, double v) {
    return x.minimum(of(x, v));
  }

  public static NDArray pow(NDArray x, double v) {
    return x.pow(of(x, v));
  }

  /** The sum of a step's (already weighted) loss terms. */
  public static NDArray total(Map<String, NDArray> terms) {
    NDArray total = null;
    for (NDArray t : terms.values()) {
      total = total == null ? t : total.add(t);
    }
    return total;
  }
}
