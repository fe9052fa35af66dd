package org.fga.methods.rfga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TripleViewAttentionTest {

  private static TripleViewAttention module(NDManager m, int c, int h, int w) {
    TripleViewAttention a = new TripleViewAttention(c, 3);
    a.initialize(m, DataType.FLOAT32, new Shape(2, c, h, w));
    return a;
  }

  @Test
  void eachViewHasItsBroadcastShape() {
    try (NDManager m = NDManager.newBaseManager()) {
      TripleViewAttention a = module(m, 6, 5, 7);
      NDArray x = m.randomNormal(new Shape(4, 6, 5, 7));
      NDList v = a.views(new ParameterStore(m, false), x, true);
      assertThat(v.get(0).getShape()).isEqualTo(new Shape(4, 6, 1, 1));
      assertThat(v.get(1).getShape()).isEqualTo(new Shape(4, 6, 5, 1));
      assertThat(v.get(2).getShape()).isEqualTo(new Shape(4, 6, 1, 7));
      for (NDArray view : v) { // sigmoid outputs
        assertThat(view.min().getFloat()).isGreaterThan(0f);
        assertThat(view.max().getFloat()).isLessThan(1f);
      }
    }
  }

  @Test
  void expansionIsTheElementwiseSumOfTheThreeViews() {
    try (NDManager m = NDManager.newBaseManager()) {
      int b = 2, c = 3, h = 4, w = 5;
      NDArray ac = m.randomUniform(0, 1, new Shape(b, c, 1, 1));
      NDArray ah = m.randomUniform(0, 1, new Shape(b, c, h, 1));
      NDArray aw = m.randomUniform(0, 1, new Shape(b, c, 1, w));
      NDArray full = TripleViewAttention.expand(ac, ah, aw);
      assertThat(full.getShape()).isEqualTo(new Shape(b, c, h, w));
      float[] fc = ac.toFloatArray();
      float[] fh = ah.toFloatArray();
      float[] fw = aw.toFloatArray();
      float[] f = full.toFloatArray();
      for (int i = 0; i < b; i++) {
        for (int k = 0; k < c; k++) {
          for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
              float expected = fc[i * c + k] + fh[(i * c + k) * h + y] + fw[(i * c + k) * w + x];
              assertThat(f[((i * c + k) * h + y) * w + x]).isCloseTo(expected, within(1e-6f));
            }
          }
        }
      }
    }
  }

  @Test
  void calibrationIsTheIdentityWhenTheAttentionIsZero() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.randomNormal(new Shape(2, 3, 4, 5));
      NDArray y = TripleViewAttention.calibrate(x, m.zeros(x.getShape()));
      assertThat(y.toFloatArray()).containsExactly(x.toFloatArray());
      // and scales by (1 + a) otherwise
      NDArray twice = TripleViewAttention.calibrate(x, m.ones(x.getShape()));
      assertThat(twice.toFloatArray()).containsExactly(x.mul(2).toFloatArray());
    }
  }

  @Test
  void forwardIsTheCalibrationByTheExpandedViews() {
    try (NDManager m = NDManager.newBaseManager()) {
      TripleViewAttention a = module(m, 4, 6, 6);
      ParameterStore ps = new ParameterStore(m, false);
      NDArray x = m.randomNormal(new Shape(3, 4, 6, 6));
      NDList v = a.views(ps, x, false);
      NDArray expected = x.mul(v.get(0).add(v.get(1)).add(v.get(2)).add(1));
      NDArray y = a.forward(ps, new NDList(x), false).singletonOrThrow();
      assertThat(y.sub(expected).abs().max().getFloat()).isLessThan(1e-5f);
    }
  }

  @Test
  void channelViewMixesOnlyNeighbouringChannels() {
    // Kernel 3 across channels: changing channel 0 of the input moves the channel attention of
    // channels 0 and 1 only (eval mode, so BN is a fixed per-channel affine map).
    try (NDManager m = NDManager.newBaseManager()) {
      TripleViewAttention a = module(m, 6, 4, 4);
      ParameterStore ps = new ParameterStore(m, false);
      NDArray x = m.randomNormal(new Shape(1, 6, 4, 4));
      NDArray x2 = x.duplicate();
      x2.set(new ai.djl.ndarray.index.NDIndex("0, 0"), x.get("0, 0").add(5));
      float[] c1 = a.views(ps, x, false).get(0).toFloatArray();
      float[] c2 = a.views(ps, x2, false).get(0).toFloatArray();
      for (int k = 2; k < 6; k++) {
        assertThat(c2[k]).isEqualTo(c1[k]);
      }
      assertThat(c2[0] != c1[0] || c2[1] != c1[1]).isTrue();
    }
  }

  @ParameterizedTest
  @CsvSource({"1, 1, 1", "3, 7, 2", "16, 8, 8", "5, 1, 9", "64, 28, 28"})
  void isShapePreservingForAnyChannelsHeightAndWidth(int c, int h, int w) {
    try (NDManager m = NDManager.newBaseManager()) {
      TripleViewAttention a = module(m, c, h, w);
      NDArray x = m.randomNormal(new Shape(2, c, h, w));
      for (boolean training : new boolean[] {true, false}) {
        NDArray y = a.forward(new ParameterStore(m, false), new NDList(x), training).singletonOrThrow();
        assertThat(y.getShape()).isEqualTo(x.getShape());
      }
      assertThat(a.getOutputShapes(new Shape[] {x.getShape()})[0]).isEqualTo(x.getShape());
    }
  }
}
