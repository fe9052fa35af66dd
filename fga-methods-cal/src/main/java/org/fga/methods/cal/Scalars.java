package org.fga.methods.cal;

import ai.djl.ndarray.NDArray;

/**
 * Array–scalar arithmetic that is safe under autograd. DJL 0.36's {@code x.mul(Number)} (and
 * {@code div}, {@code maximum}, ...) wraps the number in a zero-copy array over a Java buffer and
 * closes it right after the operation; when the operation saved that scalar for its backward
 * ({@code mul}, {@code div} and {@code maximum} do), the backward reads freed memory and the
 * gradients turn to garbage or NaN now and then. Here the scalar array is created in the operand's
 * manager and left open, so it lives until that manager (the training step's) is closed.
 */
final class Scalars {
  private Scalars() {}

  private static NDArray of(NDArray like, double v) {
    return like.getManager().create((float) v).toType(like.getDataType(), false);
  }

  static NDArray mul(NDArray x, double v) {
    return x.mul(of(x, v));
  }

  static NDArray div(NDArray x, double v) {
    return x.div(of(x, v));
  }

  static NDArray maximum(NDArray x, double v) {
    return x.maximum(of(x, v));
  }
}
