package org.fga.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The guard's oracle is right: its forward equals libtorch's float64 convolution (which never
 * runs on oneDNN), and its gradients equal central differences of the loss {@code Σ y·g}.
 */
class ReferenceConvTest {

  static java.util.List<ConvCase> cases() {
    return ConvSelfCheck.standard().cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void forwardEqualsLibtorchInFloat64(ConvCase c) {
    SplittableRandom r = new SplittableRandom(5);
    double[] x = r.doubles(c.batch() * c.in() * c.height() * c.size(), -1, 1).toArray();
    double[] w = r.doubles(c.out() * c.in() * c.kernelHeight() * c.kernel(), -1, 1).toArray();
    double[] g = new double[c.batch() * c.out() * c.outHeight() * c.outWidth()];
    ReferenceConv.Result ours = ReferenceConv.run(c, x, w, g);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray xa = m.create(x, new Shape(c.inputShape()));
      NDArray wa = m.create(w, new Shape(c.weightShape()));
      NDArray y = c.dims() == 1
          ? Conv1d.conv1d(xa, wa, null, new Shape(c.stride()), new Shape(c.padding()), new Shape(c.dilation()), 1)
              .singletonOrThrow()
          : Conv2d.conv2d(xa, wa, null, new Shape(c.stride(), c.stride()), new Shape(c.padding(), c.padding()),
                  new Shape(c.dilation(), c.dilation()), 1)
              .singletonOrThrow();
      assertThat(y.getShape().getShape()).isEqualTo(c.outputShape());
      double[] torch = y.toDoubleArray();
      for (int i = 0; i < torch.length; i++) {
        assertThat(ours.y()[i]).as("y[%d]", i).isCloseTo(torch[i], org.assertj.core.data.Offset.offset(1e-12));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientsEqualCentralDifferences(ConvCase c) {
    SplittableRandom r = new SplittableRandom(9);
    double[] x = r.doubles(c.batch() * c.in() * c.height() * c.size(), -1, 1).toArray();
    double[] w = r.doubles(c.out() * c.in() * c.kernelHeight() * c.kernel(), -1, 1).toArray();
    double[] g = r.doubles(c.batch() * c.out() * c.outHeight() * c.outWidth(), -1, 1).toArray();
    ReferenceConv.Result at = ReferenceConv.run(c, x, w, g);
    // The loss is linear in each of x and w, so a central difference is exact up to rounding.
    for (int i = 0; i < x.length; i += Math.max(1, x.length / 17)) {
      assertThat(at.dx()[i]).as("dx[%d]", i).isCloseTo(difference(c, x, w, g, x, i), org.assertj.core.data.Offset.offset(1e-9));
    }
    for (int i = 0; i < w.length; i += Math.max(1, w.length / 17)) {
      assertThat(at.dw()[i]).as("dw[%d]", i).isCloseTo(difference(c, x, w, g, w, i), org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  private static double difference(ConvCase c, double[] x, double[] w, double[] g, double[] moved, int i) {
    double h = 1e-3;
    double keep = moved[i];
    moved[i] = keep + h;
    double plus = loss(ReferenceConv.run(c, x, w, g).y(), g);
    moved[i] = keep - h;
    double minus = loss(ReferenceConv.run(c, x, w, g).y(), g);
    moved[i] = keep;
    return (plus - minus) / (2 * h);
  }

  private static double loss(double[] y, double[] g) {
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      s += y[i] * g[i];
    }
    return s;
  }
}
