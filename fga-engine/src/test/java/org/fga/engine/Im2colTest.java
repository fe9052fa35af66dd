package org.fga.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kernel the route sends off-block convolutions to: forward, input gradient and weight
 * gradient against the float64 reference on every shape kind the methods use (1-D and 2-D,
 * strided, padded, dilated, kernels 1 to 7, channel counts on and off the block), and grouped
 * convolutions with bias against the engine's own in float64.
 */
class Im2colTest {

  static List<ConvCase> cases() {
    List<ConvCase> cases = new ArrayList<>(ConvSelfCheck.standard().cases());
    cases.addAll(List.of(
        new ConvCase(2, 3, 5, 7, 9, 3, 2, 0, 1), // odd sizes, no padding, stride 2
        new ConvCase(2, 2, 6, 10, 11, 5, 1, 4, 2), // kernel 5 dilated 2
        new ConvCase(2, 1, 40, 200, 4, 1, 1, 0, 1), // a class-map conv
        new ConvCase(2, 2, 3, 12, 13, 7, 2, 3, 1), // a stem, odd input
        new ConvCase(1, 2, 1, 1, 64, 3, 1, 1, 1), // RFGA's channel view over 64 channels
        new ConvCase(1, 3, 5, 9, 17, 4, 3, 2, 1))); // even 1-D kernel, stride 3
    return cases;
  }

  @Test
  void everyShapeKindIsRightAgainstFloat64() {
    assertThat(new ConvSelfCheck(cases()).run(new DjlConvKernel(new ConvRoute(true)))).isEmpty();
  }

  @Test
  void theRouteTakesTheExposedCountsAndEveryStrided1x1() {
    ConvRoute route = new ConvRoute();
    ConvCase strided1x1 = new ConvCase(2, 2, 64, 128, 8, 1, 2, 0, 1);
    ConvCase aligned = new ConvCase(2, 2, 64, 128, 8, 3, 2, 1, 1);
    ConvCase classMap = new ConvCase(2, 2, 64, 200, 8, 1, 1, 0, 1);
    assertThat(route.takes(classMap)).as("off").isFalse();
    route.set(true);
    assertThat(route.takes(strided1x1)).isTrue();
    assertThat(route.takes(new ConvCase(1, 2, 16, 16, 8, 1, 2, 0, 1))).as("1-D").isTrue();
    assertThat(route.takes(classMap)).isTrue();
    assertThat(route.takes(aligned)).isFalse();
    assertThat(route.takes(new ConvCase(2, 2, 64, 128, 8, 1, 1, 0, 1))).as("1×1, stride 1").isFalse();
    List<ConvCase> all = new ArrayList<>(cases());
    all.addAll(List.of(strided1x1, aligned, classMap));
    assertThat(new ConvSelfCheck(all).run(new DjlConvKernel(route))).isEmpty();
  }

  @Test
  void groupsAndBiasMatchTheEngine() {
    try (NDManager m = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(3);
      NDArray x = m.randomNormal(new Shape(2, 32, 9, 9));
      NDArray w = m.randomNormal(new Shape(48, 16, 3, 3));
      NDArray b = m.randomNormal(new Shape(48));
      Shape s = new Shape(2, 2);
      Shape p = new Shape(1, 1);
      Shape d = new Shape(1, 1);
      NDArray[] ours = withGradients(x, w, b, () -> Im2col.convolution(x, w, b, s, p, d, 2));
      // the engine in float64, which never runs on oneDNN: right on an affected machine too
      NDArray x64 = x.toType(DataType.FLOAT64, true);
      NDArray w64 = w.toType(DataType.FLOAT64, true);
      NDArray b64 = b.toType(DataType.FLOAT64, true);
      NDArray[] engine = withGradients(x64, w64, b64, () -> Conv2d.conv2d(x64, w64, b64, s, p, d, 2).singletonOrThrow());
      for (int i = 0; i < ours.length; i++) {
        float[] got = ours[i].toFloatArray();
        float[] want = engine[i].toType(DataType.FLOAT32, false).toFloatArray();
        double scale = 0;
        double diff = 0;
        for (int k = 0; k < want.length; k++) {
          scale = Math.max(scale, Math.abs(want[k]));
          diff = Math.max(diff, Math.abs(got[k] - want[k]));
        }
        assertThat(diff / scale).as("tensor %d", i).isLessThan(1e-5);
      }
    }
  }

  /** y, dL/dx, dL/dw, dL/db for L = Σ y·y / 2 (the engine's float64 convolution for the reference). */
  private static NDArray[] withGradients(NDArray x, NDArray w, NDArray b, java.util.function.Supplier<NDArray> f) {
    for (NDArray a : new NDArray[] {x, w, b}) {
      a.setRequiresGradient(true);
    }
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      NDArray y = f.get();
      gc.backward(y.mul(y).sum().div(2));
      NDArray[] out = {y.duplicate(), x.getGradient().duplicate(), w.getGradient().duplicate(),
          b.getGradient().duplicate()};
      for (NDArray a : new NDArray[] {x, w, b}) {
        a.getGradient().muli(0); // gradients accumulate across collectors
      }
      return out;
    }
  }
}
