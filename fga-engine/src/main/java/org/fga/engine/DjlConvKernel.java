package org.fga.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's own convolution, as every {@link RoutedConv} computes it: DJL's operator, through
 * the process's {@link ConvRoute} (so the guard checks the route it turns on).
 */
final class DjlConvKernel implements ConvKernel {
  private final ConvRoute route;

  DjlConvKernel() {
    this(ConvRoute.ENGINE);
  }

  /** Through another route than the process's: for tests of the route's own kernel. */
  DjlConvKernel(ConvRoute route) {
    this.route = route;
  }

  @Override
  public Result run(ConvCase c, float[] x, float[] w, float[] g) {
    return runAll(List.of(c), List.<float[][]>of(new float[][] {x, w, g})).get(0);
  }

  /**
   * All cases in one graph and one backward pass of {@code Σ_i Σ y_i·g_i}: each case's gradients
   * are those of its own term, and the guard pays one autograd pass instead of a dozen.
   */
  @Override
  public List<Result> runAll(List<ConvCase> cases, List<float[][]> inputs) {
    try (NDManager m = NDManager.newBaseManager();
        GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      List<NDArray[]> arrays = new ArrayList<>();
      NDArray loss = null;
      for (int i = 0; i < cases.size(); i++) {
        ConvCase c = cases.get(i);
        float[][] in = inputs.get(i);
        NDArray xa = m.create(in[0], new Shape(c.inputShape()));
        NDArray wa = m.create(in[1], new Shape(c.weightShape()));
        NDArray ga = m.create(in[2], new Shape(c.outputShape()));
        xa.setRequiresGradient(true);
        wa.setRequiresGradient(true);
        NDArray y = forward(route, c, xa, wa);
        NDArray term = y.mul(ga).sum();
        loss = loss == null ? term : loss.add(term);
        arrays.add(new NDArray[] {y, xa, wa});
      }
      gc.backward(loss);
      List<Result> out = new ArrayList<>();
      for (NDArray[] a : arrays) {
        out.add(new Result(a[0].toFloatArray(), a[1].getGradient().toFloatArray(), a[2].getGradient().toFloatArray()));
      }
      return out;
    }
  }

  private static NDArray forward(ConvRoute route, ConvCase c, NDArray xa, NDArray wa) {
    if (c.dims() == 1) {
      return route.convolution(
          xa, wa, null, new Shape(c.stride()), new Shape(c.padding()), new Shape(c.dilation()), 1);
    }
    return route.convolution(xa, wa, null, new Shape(c.stride(), c.stride()),
        new Shape(c.padding(), c.padding()), new Shape(c.dilation(), c.dilation()), 1);
  }
}
