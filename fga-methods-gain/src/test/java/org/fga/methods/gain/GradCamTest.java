package org.fga.methods.gain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;
import ai.djl.training.ParameterStore;
import org.fga.core.data.Task;
import org.junit.jupiter.api.Test;

class GradCamTest {
  private static final int B = 2;
  private static final int C = 3;
  private static final int H = 4;
  private static final int W = 5;
  private static final int K = 4;

  /** A head-only network in float64 (the backbone is the identity), so finite differences are exact. */
  private static GainNetwork tinyNet(NDManager m, HeadType head) {
    ai.djl.engine.Engine.getInstance().setRandomSeed(3);
    GainNetwork net = new GainNetwork(new LambdaBlock(x -> x), 0, new GainHead(head, C, K));
    net.initialize(m, DataType.FLOAT64, new Shape(B, C, H, W));
    return net;
  }

  private static double score(GainNetwork net, ParameterStore ps, NDArray f, long[] classes) {
    NDArray logits = net.logits(ps, f, true);
    double s = 0;
    for (int i = 0; i < classes.length; i++) {
      s += logits.getDouble(i, classes[i]);
    }
    return s;
  }

  @Test
  void inStepWeightsEqualFiniteDifferenceOfScoreGradient() {
    try (NDManager m = NDManager.newBaseManager()) {
      GainNetwork net = tinyNet(m, HeadType.CONV_GAP_LINEAR);
      ParameterStore ps = new ParameterStore(m, false);
      NDArray f = m.randomNormal(new Shape(B, C, H, W)).toType(DataType.FLOAT64, false);
      long[] classes = {1, 3};
      NDArray selector = m.create(classes).oneHot(K).toType(DataType.FLOAT64, false);

      NDArray w = GradCam.weightsByBackward(net, ps, f, selector, true);

      double[] base = f.toDoubleArray();
      double eps = 1e-6;
      double[][] expected = new double[B][C];
      for (int idx = 0; idx < base.length; idx++) {
        double[] plus = base.clone();
        double[] minus = base.clone();
        plus[idx] += eps;
        minus[idx] -= eps;
        double d =
            (score(net, ps, m.create(plus, f.getShape()), classes)
                    - score(net, ps, m.create(minus, f.getShape()), classes))
                / (2 * eps);
        int i = idx / (C * H * W);
        int k = (idx / (H * W)) % C;
        expected[i][k] += d / (H * W); // spatial mean of ∂s_i/∂F_i^k
      }
      double[] got = w.toDoubleArray();
      for (int i = 0; i < B; i++) {
        for (int k = 0; k < C; k++) {
          assertThat(got[i * C + k]).as("w[%d][%d]", i, k).isCloseTo(expected[i][k], within(1e-7));
        }
      }
      // The map is ReLU(Σ_k w^k F^k) with those weights.
      double[] a = GradCam.map(f, w).toDoubleArray();
      for (int i = 0; i < B; i++) {
        for (int p = 0; p < H * W; p++) {
          double sum = 0;
          for (int k = 0; k < C; k++) {
            sum += expected[i][k] * base[(i * C + k) * H * W + p];
          }
          assertThat(a[i * H * W + p]).isCloseTo(Math.max(0, sum), within(1e-7));
        }
      }
      // The auxiliary backward left nothing in the head's parameter gradients.
      for (var p : net.head().getParameters().values()) {
        assertThat(p.getArray().getGradient().abs().max().getDouble()).isZero();
      }
    }
  }

  @Test
  void mapStaysDifferentiableThroughFeatures() {
    try (NDManager m = NDManager.newBaseManager();
        var gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
      NDArray f = m.randomUniform(0, 1, new Shape(1, 2, 2, 2));
      f.setRequiresGradient(true);
      NDArray w = m.create(new float[] {2f, -1f}, new Shape(1, 2));
      NDArray a = GradCam.map(f, w);
      gc.backward(a.sum());
      // d/dF^k of Σ_ij ReLU(Σ_k w_k F^k_ij) is w_k where the sum is positive, else 0.
      float[] fv = f.toFloatArray();
      float[] g = f.getGradient().toFloatArray();
      for (int p = 0; p < 4; p++) {
        boolean on = 2 * fv[p] - fv[4 + p] > 0;
        assertThat(g[p]).isEqualTo(on ? 2f : 0f);
        assertThat(g[4 + p]).isEqualTo(on ? -1f : 0f);
      }
    }
  }

  @Test
  void closedFormEqualsBackwardOnGapLinearHead() {
    try (NDManager m = NDManager.newBaseManager()) {
      GainNetwork net = tinyNet(m, HeadType.GAP_LINEAR);
      ParameterStore ps = new ParameterStore(m, false);
      NDArray f = m.randomNormal(new Shape(B, C, H, W)).toType(DataType.FLOAT64, false);
      NDArray selector = m.create(new long[] {0, 2}).oneHot(K).toType(DataType.FLOAT64, false);
      NDArray fc = net.head().fc().getParameters().get("weight").getArray();
      NDArray byBackward = GradCam.weightsByBackward(net, ps, f, selector, true);
      NDArray closed = GradCam.weightsClosedForm(f, fc, selector);
      assertThat(closed.sub(byBackward).abs().max().getDouble()).isLessThan(1e-12);
      NDArray maps = GradCam.map(f, closed);
      assertThat(maps.sub(GradCam.map(f, byBackward)).abs().max().getDouble()).isLessThan(1e-12);
    }
  }

  @Test
  void fastPathAndBackwardGiveTheSameAttentionOnAResNet() {
    try (NDManager m = NDManager.newBaseManager()) {
      var batch = TinyGain.batch(m, 3, false);
      GainMethod fast = TinyGain.method(m, TinyGain.settings(true, false), Task.CLASSIFICATION);
      GainMethod slow = TinyGain.method(m, TinyGain.settings(false, false), Task.CLASSIFICATION);
      NDArray classes = m.create(new long[] {2, 0, 1});
      NDArray a = fast.attention(TinyGain.context(m, false), batch, classes);
      NDArray b = slow.attention(TinyGain.context(m, false), batch, classes);
      assertThat(a.getShape()).isEqualTo(new Shape(3, 4, 4));
      assertThat(a.sub(b).abs().max().getFloat()).isLessThan(1e-6f * (1 + a.abs().max().getFloat()));
    }
  }

  @Test
  void seedsOutputIsABinaryMaskAtImageResolutionMarkingPixelsAboveTwentyPercentOfTheMax() {
    try (NDManager m = NDManager.newBaseManager()) {
      var batch = TinyGain.batch(m, 2, false);
      NDArray classes = m.create(new long[] {1, 2});
      GainMethod maps = TinyGain.method(m, TinyGain.settings(true, false), Task.CLASSIFICATION);
      GainSettings seedSettings =
          new GainConfig(TinyGain.TAP, null, null, null, null, null, null, AttentionOutput.SEEDS, null, null, null, null).settings();
      GainMethod seeds = TinyGain.method(m, seedSettings, Task.CLASSIFICATION);
      NDArray map = maps.attention(TinyGain.context(m, false), batch, classes);
      NDArray mask = seeds.attention(TinyGain.context(m, false), batch, classes);
      assertThat(mask.getShape()).isEqualTo(new Shape(2, TinyGain.SIZE, TinyGain.SIZE));
      NDArray up = SoftMask.upsample(map, TinyGain.SIZE, TinyGain.SIZE, true);
      float[] u = up.toFloatArray();
      float[] s = mask.toFloatArray();
      int plane = TinyGain.SIZE * TinyGain.SIZE;
      for (int i = 0; i < 2; i++) {
        float max = 0;
        for (int p = 0; p < plane; p++) {
          max = Math.max(max, u[i * plane + p]);
        }
        for (int p = 0; p < plane; p++) {
          assertThat(s[i * plane + p]).isEqualTo(u[i * plane + p] > 0.2f * max ? 1f : 0f);
        }
      }
    }
  }
}
