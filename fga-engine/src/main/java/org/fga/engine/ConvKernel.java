package org.fga.engine;

/**
 * What computes a convolution and its gradients for the self-check: the engine in production, a
 * deliberately wrong stand-in in the tests that show a fault is caught on a healthy machine.
 */
public interface ConvKernel {

  /** Forward output, input gradient and weight gradient of the loss {@code Σ y·g}, in float32. */
  record Result(float[] y, float[] dx, float[] dw) {}

  Result run(ConvCase c, float[] x, float[] w, float[] g);
}
