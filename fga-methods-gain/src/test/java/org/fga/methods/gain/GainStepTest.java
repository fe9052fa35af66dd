package org.fga.methods.gain;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Map;
import org.fga.core.data.Task;
import org.fga.core.method.Batch;
import org.fga.core.method.Losses;
import org.fga.core.method.StepContext;
import org.fga.core.nn.LossFunctions;
import org.fga.core.nn.Scalars;
import org.junit.jupiter.api.Test;

class GainStepTest {

  /**
   * The analytic GAIN loss for a GAP → linear head written out by hand: Grad-CAM weights W_c/(h·w)
   * as constants, the bilinear-upsampled min–max map, T = sigmoid(ω(A − σ)), I* = I − T⊙I, softmax
   * score of the label on I*.
   */
  private static NDArray analyticTotal(GainMethod method, StepContext ctx, Batch batch) {
    GainNetwork net = method.network();
    ParameterStore ps = ctx.parameters();
    NDArray images = batch.images();
    NDArray f = net.features(ps, images, true);
    NDArray logits = net.logits(ps, f, true);
    NDArray cls = LossFunctions.crossEntropy(logits, batch.labels());
    NDArray fc = net.head().fc().getParameters().get("weight").getArray().stopGradient();
    long hw = f.getShape().get(2) * f.getShape().get(3);
    NDArray w = batch.labels().oneHot(TinyGain.CLASSES).toType(DataType.FLOAT32, false).matMul(fc).div(hw);
    long b = f.getShape().get(0);
    NDArray a = Scalars.maximum(w.reshape(b, -1, 1, 1).mul(f).sum(new int[] {1}), 0);
    NDArray up = SoftMask.upsample(a, TinyGain.SIZE, TinyGain.SIZE, true).reshape(b, -1);
    NDArray lo = up.min(new int[] {1}, true);
    NDArray hi = up.max(new int[] {1}, true);
    NDArray an = up.sub(lo).div(Scalars.maximum(hi.sub(lo), 1e-4)).reshape(b, TinyGain.SIZE, TinyGain.SIZE);
    NDArray t = Activation.sigmoid(Scalars.mul(an.sub(0.5f), 10));
    NDArray erased = images.sub(t.expandDims(1).mul(images));
    NDArray star = net.logits(ps, net.features(ps, erased, true), true);
    NDArray am = LossFunctions.probabilityOf(star, batch.labels()).mean();
    return cls.add(am);
  }

  /** The head classifier's weight gradient (DJL prefixes child names with their position). */
  private static float[] headFc(Map<String, float[]> grads) {
    return grads.entrySet().stream()
        .filter(e -> e.getKey().contains("head") && e.getKey().endsWith("fc_weight"))
        .findFirst().orElseThrow().getValue();
  }

  private static void assertSameGradients(Map<String, float[]> got, Map<String, float[]> want) {
    assertThat(got.keySet()).isEqualTo(want.keySet());
    for (String k : want.keySet()) {
      float[] g = got.get(k);
      float[] w = want.get(k);
      float scale = 0;
      for (float v : w) {
        scale = Math.max(scale, Math.abs(v));
      }
      for (int i = 0; i < w.length; i++) {
        assertThat(Math.abs(g[i] - w[i])).as("%s[%d]: %s vs %s", k, i, g[i], w[i])
            .isLessThanOrEqualTo(1e-5f * (1 + scale));
      }
    }
  }

  @Test
  void parameterGradientsOfAGainStepEqualThoseOfTheAnalyticLoss() {
    for (boolean fastCam : new boolean[] {false, true}) {
      try (NDManager m = NDManager.newBaseManager()) {
        GainMethod method = TinyGain.method(m, TinyGain.settings(fastCam, false), Task.CLASSIFICATION);
        Batch batch = TinyGain.batch(m, 4, false);
        StepContext ctx = TinyGain.context(m, true);

        Losses losses = TinyGain.step(method, ctx, batch);
        Map<String, float[]> got = TinyGain.gradients(method.block());
        TinyGain.zeroGradients(method.block());

        NDArray total;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          total = analyticTotal(method, ctx, batch);
          gc.backward(total);
        }
        Map<String, float[]> want = TinyGain.gradients(method.block());

        assertThat(losses.total().getFloat()).isCloseTo(total.getFloat(), org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(losses.terms().keySet()).containsExactly("cls", "am");
        assertSameGradients(got, want);
        // The head's weight gradient is not zero (the check above is not vacuous).
        assertThat(headFc(want)).isNotNull();
      }
    }
  }

  @Test
  void anAuxiliaryGradientLeftBehindWouldBeCaught() {
    // Control for the test above: adding one extra backward of the class scores changes the head's
    // gradient, so a leaked auxiliary backward cannot go unnoticed.
    try (NDManager m = NDManager.newBaseManager()) {
      GainMethod method = TinyGain.method(m, TinyGain.settings(false, false), Task.CLASSIFICATION);
      Batch batch = TinyGain.batch(m, 4, false);
      StepContext ctx = TinyGain.context(m, true);
      TinyGain.step(method, ctx, batch);
      Map<String, float[]> clean = TinyGain.gradients(method.block());
      TinyGain.zeroGradients(method.block());
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        Losses l = method.trainStep(ctx, batch);
        NDArray f = method.network().features(ctx.parameters(), batch.images(), true).stopGradient();
        NDArray s = method.network().logits(ctx.parameters(), f, true)
            .mul(batch.labels().oneHot(TinyGain.CLASSES).toType(DataType.FLOAT32, false)).sum();
        gc.backward(l.total().add(s));
      }
      float[] leaked = headFc(TinyGain.gradients(method.block()));
      float diff = 0;
      for (int i = 0; i < leaked.length; i++) {
        diff = Math.max(diff, Math.abs(leaked[i] - headFc(clean)[i]));
      }
      assertThat(diff).isGreaterThan(1e-3f);
    }
  }

  @Test
  void freezingBatchNormKeepsTheErasedStreamOutOfTheRunningStatistics() {
    float[] frozen = runningMeanAfterStep(true);
    float[] live = runningMeanAfterStep(false);
    float[] cleanOnly = runningMeanAfterCleanForward();
    assertThat(frozen).containsExactly(cleanOnly, org.assertj.core.data.Offset.offset(1e-6f));
    float diff = 0;
    for (int i = 0; i < live.length; i++) {
      diff = Math.max(diff, Math.abs(live[i] - cleanOnly[i]));
    }
    assertThat(diff).isGreaterThan(1e-4f);
  }

  private static Parameter bn1Mean(GainMethod method) {
    return method.block().getParameters().get("01backbone_02bn1_running_mean");
  }

  private static float[] runningMeanAfterStep(boolean freeze) {
    try (NDManager m = NDManager.newBaseManager()) {
      GainMethod method = TinyGain.method(m, TinyGain.settings(true, freeze), Task.CLASSIFICATION);
      Engine.getInstance().setRandomSeed(11);
      Batch batch = TinyGain.batch(m, 4, false);
      TinyGain.step(method, TinyGain.context(m, true), batch);
      return TinyGain.copy(bn1Mean(method));
    }
  }

  private static float[] runningMeanAfterCleanForward() {
    try (NDManager m = NDManager.newBaseManager()) {
      GainMethod method = TinyGain.method(m, TinyGain.settings(true, true), Task.CLASSIFICATION);
      Engine.getInstance().setRandomSeed(11);
      Batch batch = TinyGain.batch(m, 4, false);
      method.network().features(TinyGain.context(m, true).parameters(), batch.images(), true);
      return TinyGain.copy(bn1Mean(method));
    }
  }

  @Test
  void multiLabelGainExtStepHasAllThreeTermsAndFiniteGradients() {
    try (NDManager m = NDManager.newBaseManager()) {
      GainSettings s =
          new GainExtConfig(TinyGain.TAP, HeadType.CONV_GAP_LINEAR, null, null, null, null, null, null, null, null, null, null, null, null, null)
              .settings();
      GainMethod method = TinyGain.method(m, s, Task.MULTILABEL);
      Batch batch = TinyGain.batch(m, 4, true);
      Losses losses = TinyGain.step(method, TinyGain.context(m, true), batch);
      assertThat(losses.terms().keySet()).containsExactly("cls", "am", "ext");
      float sum = 0;
      for (NDArray t : losses.terms().values()) {
        sum += t.getFloat();
      }
      assertThat(losses.total().getFloat()).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-5f));
      assertThat(losses.terms().get("ext").getFloat()).isPositive();
      for (float[] g : TinyGain.gradients(method.block()).values()) {
        for (float v : g) {
          assertThat(Float.isFinite(v)).isTrue();
        }
      }
    }
  }

  @Test
  void externalLossIsZeroWhenNoImageOfTheBatchIsInTheSubset() {
    try (NDManager m = NDManager.newBaseManager()) {
      GainSettings s =
          new GainExtConfig(TinyGain.TAP, null, null, null, null, null, 0.0, java.util.List.of(99), null, null, null, null, null, null, null)
              .settings();
      GainMethod method = TinyGain.method(m, s, Task.CLASSIFICATION);
      Losses losses = TinyGain.step(method, TinyGain.context(m, true), TinyGain.batch(m, 4, false));
      assertThat(losses.terms().get("ext").getFloat()).isZero();
    }
  }
}
