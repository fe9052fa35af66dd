package org.fga.engine;

/**
 * What computes a convolution and its gradients for the self-check: the engine in production, a
 * deliberately wrong stand-in in the tests that show a fault is caught on a healthy machine.
 */
public interface ConvKernel {

  /** Forward output, input gradient and weight gradient of the loss {@code Σ y·g}, in float32. */
  record Result(float[] y, float[] dx, float[] dw) {}

  Result run(ConvCase c, float[] x, float[] w, float[] g);

  /**
   * Every case at once, {@code inputs.get(i)} holding case i's {@code {x, w, g}}: one call per case
   * unless the kernel can do better (the engine runs them as one graph with one backward pass).
   */
  default java.util.List<Result> runAll(java.util.List<ConvCase> cases, java.util.List<float[][]> inputs) {
    java.util.List<Result> out = new java.util.ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      float[][] in = inputs.get(i);
      out.add(run(cases.get(i), in[0], in[1], in[2]));
    }
    return out;
  }
}
