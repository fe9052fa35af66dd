package org.fga.methods.gain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.fga.core.data.FloatImage;
import org.fga.core.data.Mask;
import org.fga.core.data.Sample;
import org.fga.core.data.Task;
import org.fga.core.method.Batch;
import org.fga.core.method.Losses;
import org.fga.core.method.StepContext;
import org.fga.core.nn.LossFunctions;
import org.junit.jupiter.api.Test;

/** The options that close the differences to the reference: warm-up, L_e targets, config keys. */
class GainOptionsTest {

  @Test
  void duringTheWarmUpOnlyTheClassifierTrains() {
    try (NDManager m = NDManager.newBaseManager()) {
      GainSettings s =
          new GainConfig(TinyGain.TAP, null, null, null, null, null, null, null, null, null, null, 2).settings();
      GainMethod method = TinyGain.method(m, s, Task.CLASSIFICATION);
      Batch batch = TinyGain.batch(m, 4, false);
      Losses warm = TinyGain.step(method, context(m, 1), batch);
      assertThat(warm.terms().get("am").getFloat()).isZero();
      Map<String, float[]> got = TinyGain.gradients(method.block());
      TinyGain.zeroGradients(method.block());
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        StepContext ctx = context(m, 1);
        NDArray f = method.network().features(ctx.parameters(), batch.images(), true);
        gc.backward(LossFunctions.crossEntropy(method.network().logits(ctx.parameters(), f, true), batch.labels()));
      }
      Map<String, float[]> clsOnly = TinyGain.gradients(method.block());
      for (String k : clsOnly.keySet()) {
        assertThat(got.get(k)).as(k).containsExactly(clsOnly.get(k), org.assertj.core.data.Offset.offset(1e-6f));
      }
      TinyGain.zeroGradients(method.block());
      Losses after = TinyGain.step(method, context(m, 2), batch);
      assertThat(after.terms().get("am").getFloat()).isPositive();
      assertThat(after.total().getFloat()).isGreaterThan(warm.total().getFloat());
    }
  }

  /**
   * One multi-label image with classes 0 and 2 and a class map (1 = class 0, 3 = class 2, 255 void):
   * each class's map is scored against its own class's pixels, void pixels drop out.
   */
  @Test
  void externalTargetsArePerClassWithVoidIgnored() {
    try (NDManager m = NDManager.newBaseManager()) {
      // 1×4 image: pixels [class 0, class 2, void, background]
      Mask map = new Mask(1, 4, new byte[] {1, 3, (byte) 255, 0});
      ClassPairs pairs = ClassPairs.multiLabel(new float[] {1, 0, 1}, 1, 3);
      float[] a0 = {0.9f, 0.4f, 0.7f, 0.1f};
      float[] a2 = {0.2f, 0.8f, 0.3f, 0.5f};
      NDArray normalized = m.create(concat(a0, a2), new Shape(2, 1, 4));
      Batch batch = batch(m, map, new float[] {1, 1, 0, 0}, null, m.create(new float[] {1, 0, 1}, new Shape(1, 3)));
      float got = ExternalTargets.loss(batch, pairs, normalized, all(), true, m).getFloat();
      double class0 = (sq(0.9 - 1) + sq(0.4) + sq(0.1)) / 3; // targets 1, 0, (void), 0
      double class2 = (sq(0.2) + sq(0.8 - 1) + sq(0.5)) / 3; // targets 0, 1, (void), 0
      assertThat((double) got).isCloseTo((class0 + class2) / 2, within(1e-6));
      // the old rule (max over the classes' maps against the class-agnostic mask) gives another value
      double agnostic = (sq(0.9 - 1) + sq(0.8 - 1) + sq(0.7 - 0) + sq(0.5)) / 4;
      assertThat((double) got).isNotCloseTo(agnostic, within(1e-3));
    }
  }

  /** A 0/1 object mask (CUB, synthetic, boxes) is shared by the image's classes; void still drops. */
  @Test
  void aBinaryMaskIsClassAgnostic() {
    try (NDManager m = NDManager.newBaseManager()) {
      Mask mask = new Mask(1, 4, new byte[] {1, 1, (byte) 255, 0});
      assertThat(ExternalTargets.isClassMap(mask)).isFalse();
      assertThat(ExternalTargets.isClassMap(new Mask(1, 2, new byte[] {0, 2}))).isTrue();
      NDArray normalized = m.create(new float[] {0.9f, 0.4f, 0.7f, 0.1f}, new Shape(1, 1, 4));
      Batch batch = batch(m, mask, new float[] {1, 1, 0, 0}, m.create(new long[] {2}), null);
      float got = ExternalTargets.loss(batch, ClassPairs.singleLabel(new long[] {2}), normalized, all(), false, m).getFloat();
      assertThat((double) got).isCloseTo((sq(0.1) + sq(0.6) + sq(0.1)) / 3, within(1e-6));
      // without the sample (tests, box masks) the batch's 0/1 mask is used, every pixel valid
      Batch bare = new Batch(batch.images(), batch.labels(), null, batch.masks(), batch.hasMask(), batch.indices(), List.of());
      float plain = ExternalTargets.loss(bare, ClassPairs.singleLabel(new long[] {2}), normalized, all(), false, m).getFloat();
      assertThat((double) plain).isCloseTo((sq(0.1) + sq(0.6) + sq(0.7) + sq(0.1)) / 4, within(1e-6));
    }
  }

  @Test
  void newKeysParseWithTheReferencesDefaults() throws Exception {
    GainConfig d = GainConfig.defaults();
    assertThat(d.amScore()).isEqualTo(AmScore.SOFTMAX);
    assertThat(d.alignCorners()).isTrue();
    assertThat(d.amWarmupEpochs()).isZero();
    var yaml = org.fga.core.plugin.Plugins.load().yaml();
    GainExtConfig e =
        (GainExtConfig)
            yaml.readValue(
                "{type: gain-ext, amScore: sigmoid, alignCorners: false, amWarmupEpochs: 5}",
                org.fga.core.method.MethodConfig.class);
    assertThat(e.amScore()).isEqualTo(AmScore.SIGMOID);
    assertThat(e.settings().alignCorners()).isFalse();
    assertThat(e.settings().amWarmupEpochs()).isEqualTo(5);
    assertThatThrownBy(() -> AmScore.of("probability")).hasMessageContaining("method.amScore");
    assertThatThrownBy(() -> new GainConfig(null, null, null, null, null, null, null, null, null, null, null, -1))
        .hasMessageContaining("method.amWarmupEpochs");
  }

  private static MaskSubset all() {
    return new MaskSubset(1, Set.of());
  }

  private static double sq(double v) {
    return v * v;
  }

  private static float[] concat(float[] a, float[] b) {
    float[] out = new float[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static Batch batch(NDManager m, Mask mask, float[] binary, NDArray labels, NDArray targets) {
    Sample s = new Sample("s", new FloatImage(3, 1, 4, new float[12]), -1, null, null, null, mask, null, -1, -1);
    return new Batch(
        m.zeros(new Shape(1, 3, 1, 4)),
        labels,
        targets,
        m.create(binary, new Shape(1, 1, 1, 4)),
        m.create(new float[] {1}),
        new int[] {0},
        List.of(s));
  }

  private static StepContext context(NDManager m, int epoch) {
    return new StepContext(m, new ParameterStore(m, false), true, new Random(0), epoch, 0, 1);
  }
}
