package org.fga.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;

/** The engine's own convolution (the operator every {@code Conv1d}/{@code Conv2d} block calls). */
final class DjlConvKernel implements ConvKernel {

  @Override
  public Result run(ConvCase c, float[] x, float[] w, float[] g) {
    try (NDManager m = NDManager.newBaseManager();
        GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      NDArray xa = m.create(x, new Shape(c.inputShape()));
      NDArray wa = m.create(w, new Shape(c.weightShape()));
      NDArray ga = m.create(g, new Shape(c.outputShape()));
      xa.setRequiresGradient(true);
      wa.setRequiresGradient(true);
      NDArray y;
      if (c.dims() == 1) {
        Shape s = new Shape(c.stride());
        y = Conv1d.conv1d(xa, wa, null, s, new Shape(c.padding()), new Shape(c.dilation()), 1)
            .singletonOrThrow();
      } else {
        y = Conv2d.conv2d(xa, wa, null, new Shape(c.stride(), c.stride()),
                new Shape(c.padding(), c.padding()), new Shape(c.dilation(), c.dilation()), 1)
            .singletonOrThrow();
      }
      gc.backward(y.mul(ga).sum());
      return new Result(
          y.toFloatArray(), xa.getGradient().toFloatArray(), wa.getGradient().toFloatArray());
    }
  }
}
