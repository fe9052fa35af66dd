package org.fga.methods.cal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.Task;
import org.fga.core.method.Batch;
import org.fga.core.method.Losses;
import org.fga.core.method.StepContext;
import org.fga.testkit.PluginsAndManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * fga's CAL against the reference code (raoyongming/CAL, fgvc/ and reid/) run on the same small
 * weights, inputs and random draws: src/test/python/make_cal_fixtures.py wrote the reference's
 * tensors; here the same weights go into fga's blocks and every output must agree to 1e-4.
 */
class CalReferenceTest {
  private static final Offset<Float> TOL = Offset.offset(1e-4f);
  /** torch names of the fgvc network's parameters, in DJL's order (backbone, attention, fc). */
  private static final List<String> FGVC_NAMES = List.of("features.0.weight", "attentions.conv.weight",
      "attentions.bn.weight", "attentions.bn.bias", "attentions.bn.running_mean",
      "attentions.bn.running_var", "fc.weight");
  private static final List<String> REID_NAMES = List.of("base_1.0.weight", "attentions.conv.weight",
      "attentions.bn.weight", "attentions.bn.bias", "attentions.bn.running_mean",
      "attentions.bn.running_var", "classifier_bap.weight", "bottleneck.weight",
      "bottleneck.bias", "bottleneck.running_mean", "bottleneck.running_var", "classifier.weight");
  private static final ReferenceFixture FGVC = new ReferenceFixture("fgvc_step.npz");
  private static final ReferenceFixture REID = new ReferenceFixture("reid_step.npz");
  @RegisterExtension static final PluginsAndManager ENV = new PluginsAndManager();

  private static CalMethod fgvc(CalConfig config) {
    DatasetInfo info = new DatasetInfo("ref", Task.CLASSIFICATION, 3, List.of("a", "b", "c"));
    CalMethod cal = new CalMethod(config.settings(), ReferenceFixture.oneConvBackbone(), info);
    Engine.getInstance().setRandomSeed(1);
    cal.block().initialize(ENV.manager(), DataType.FLOAT32, new Shape(1, 3, 16, 16));
    FGVC.load(cal.block(), FGVC_NAMES);
    cal.state().get("centres").set(FGVC.floats("centres0"));
    return cal;
  }

  private static CalMethod fgvc() {
    return fgvc(new CalConfig(null, 4, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null));
  }

  private static CalReidMethod reid(String testFeature) {
    DatasetInfo info = new DatasetInfo("ref", Task.REID, 4, List.of("0", "1", "2", "3"));
    CalReidConfig cfg = new CalReidConfig(null, 4, 5, null, null, null, null, null, testFeature);
    CalReidMethod m = new CalReidMethod(cfg, ReferenceFixture.oneConvBackbone(), info);
    Engine.getInstance().setRandomSeed(1);
    m.block().initialize(ENV.manager(), DataType.FLOAT32, new Shape(1, 3, 16, 16));
    REID.load(m.block(), REID_NAMES);
    return m;
  }

  private static Batch batch(NDManager m, ReferenceFixture f) {
    NDArray y = f.labels(m, "y");
    int n = (int) y.getShape().get(0);
    return new Batch(f.get(m, "x"), y, null, null, null, new int[n], List.of());
  }

  private static StepContext ctx(NDManager m, boolean training) {
    return new StepContext(m, new ParameterStore(m, false), training, new Random(0), 0, 0, 1);
  }

  private static void assertClose(NDArray ours, float[] reference) {
    assertThat(ours.toType(DataType.FLOAT32, false).toFloatArray()).containsExactly(reference, TOL);
  }

  private static NDArray param(Block block, String djlNameEnd, int index) {
    return block.getParameters().valueAt(index).getArray();
  }

  private static Losses trainStep(ai.djl.nn.Block block, java.util.function.Supplier<Losses> step) {
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      Losses l = step.get();
      gc.backward(l.total());
      return l;
    }
  }

  @Test
  void bapFeatureLogitsAndEffectEqualTheReference() {
    CalMethod cal = fgvc();
    try (NDManager m = ENV.manager().newSubManager()) {
      ParameterStore ps = new ParameterStore(m, false);
      NDList out = cal.network().forward(ps, new NDList(FGVC.get(m, "x")), true);
      assertClose(out.get(2), FGVC.floats("out.attention"));
      assertClose(out.get(1), FGVC.floats("out.feature"));
      assertClose(out.get(0), FGVC.floats("out.logits"));
      NDArray cf = FGVC.get(m, "draw.cf_raw");
      assertClose(Bap.feature(out.get(3), cf), FGVC.floats("out.cf_feature"));
      assertClose(Counterfactual.effect(cal.network(), ps, out.get(0), out.get(3), cf, true),
          FGVC.floats("out.effect_raw"));
    }
  }

  @Test
  void mapPickProbabilitiesEqualTheReference() {
    try (NDManager m = ENV.manager().newSubManager()) {
      NDArray att = FGVC.get(m, "out.attention");
      float[] sums = att.sum(new int[] {2, 3}).toFloatArray();
      double[] p = AttentionAugment.pickProbabilities(sums, 4, 4);
      float[] ref = FGVC.floats("draw.pick_probs");
      for (int i = 0; i < p.length; i++) {
        assertThat(p[i]).isCloseTo(ref[i], within(1e-5));
      }
    }
  }

  @Test
  void attentionCropAndDropEqualTheReference() {
    CalMethod cal = fgvc();
    try (NDManager m = ENV.manager().newSubManager()) {
      NDArray aug = cal.augment(FGVC.get(m, "x"), FGVC.get(m, "out.attention"), FGVC.draws(m, List.of()));
      assertClose(aug.get("0:4"), FGVC.floats("out.crop_images"));
      assertClose(aug.get("4:8"), FGVC.floats("out.drop_images"));
    }
  }

  @Test
  void oneTrainingStepEqualsTheReference() {
    CalMethod cal = fgvc();
    try (NDManager m = ENV.manager().newSubManager()) {
      cal.useDraws(r -> FGVC.draws(m, List.of("draw.cf_raw", "draw.cf_aug")));
      Losses l = trainStep(cal.block(), () -> cal.trainStep(ctx(m, true), batch(m, FGVC)));
      assertThat(l.terms().get("raw").getFloat()).isCloseTo(FGVC.scalar("out.loss_raw"), TOL);
      assertThat(l.terms().get("aug").getFloat()).isCloseTo(FGVC.scalar("out.loss_aug"), TOL);
      assertThat(l.terms().get("effect").getFloat()).isCloseTo(FGVC.scalar("out.loss_effect"), TOL);
      assertThat(l.terms().get("centre").getFloat()).isCloseTo(FGVC.scalar("out.loss_centre"), TOL);
      assertThat(l.total().getFloat()).isCloseTo(FGVC.scalar("out.loss_total"), TOL);
      assertClose(cal.state().get("centres"), FGVC.floats("out.centres"));
      Block b = cal.block();
      for (int i = 0; i < FGVC_NAMES.size(); i++) {
        String name = FGVC_NAMES.get(i);
        Parameter p = b.getParameters().valueAt(i);
        if (name.contains("running")) {
          assertClose(p.getArray(), FGVC.floats(name.endsWith("mean") ? "out.bn_running_mean" : "out.bn_running_var"));
        } else {
          assertThat(p.getArray().getGradient().toFloatArray()).as(name)
              .containsExactly(FGVC.floats("grad." + name), Offset.offset(1e-4f));
        }
      }
    }
  }

  @Test
  void testTimeLogitsEqualTheReference() {
    CalMethod cal = fgvc();
    try (NDManager m = ENV.manager().newSubManager()) {
      assertClose(cal.infer(ctx(m, false), batch(m, FGVC)).logits(), FGVC.floats("eval.logits"));
    }
  }

  @Test
  void reidHeadLossesAndGradientsEqualTheReference() {
    CalReidMethod reid = reid(null);
    try (NDManager m = ENV.manager().newSubManager()) {
      reid.useDraws(r -> REID.draws(m, List.of("draw.cf")));
      Losses l = trainStep(reid.block(), () -> reid.trainStep(ctx(m, true), batch(m, REID)));
      assertThat(l.terms().get("id").getFloat()).isCloseTo(REID.scalar("out.loss_id"), TOL);
      assertThat(l.terms().get("triplet").getFloat()).isCloseTo(REID.scalar("out.loss_triplet"), TOL);
      assertThat(l.terms().get("effect").getFloat()).isCloseTo(REID.scalar("out.loss_effect"), TOL);
      assertThat(l.total().getFloat()).isCloseTo(REID.scalar("out.loss_total"), TOL);
      Block b = reid.block();
      for (int i = 0; i < REID_NAMES.size(); i++) {
        String name = REID_NAMES.get(i);
        NDArray a = b.getParameters().valueAt(i).getArray();
        if (name.startsWith("bottleneck.running")) {
          assertClose(a, REID.floats(name.endsWith("mean") ? "out.neck_running_mean" : "out.neck_running_var"));
        } else if (!name.contains("running") && !name.equals("bottleneck.bias")) { // bias frozen at 0
          assertThat(a.getGradient().toFloatArray()).as(name)
              .containsExactly(REID.floats("grad." + name), Offset.offset(1e-4f));
        }
      }
    }
  }

  @Test
  void reidIntermediatesEqualTheReference() {
    CalReidMethod reid = reid(null);
    try (NDManager m = ENV.manager().newSubManager()) {
      ParameterStore ps = new ParameterStore(m, false);
      ReidBapNetwork net = (ReidBapNetwork) reid.block();
      NDList stem = net.stem(ps, REID.get(m, "x"), true);
      NDArray f = Bap.feature(stem.get(0), stem.get(1), Bap.REID_SQRT_EPS);
      NDArray cf = Bap.feature(stem.get(0), REID.get(m, "draw.cf"), Bap.REID_SQRT_EPS);
      assertClose(f, REID.floats("out.feature"));
      assertClose(cf, REID.floats("out.cf_feature"));
      NDList out = net.headPair(ps, f, cf, true);
      assertClose(out.get(0), REID.floats("out.scores"));
      assertClose(out.get(1), REID.floats("out.global"));
      assertClose(out.get(2), REID.floats("out.neck"));
      assertClose(out.get(0).sub(out.get(3)), REID.floats("out.effect"));
    }
  }

  @Test
  void reidTestFeatureIsTheFlipSummedScoresAsTheReference() {
    CalReidMethod reid = reid(null);
    try (NDManager m = ENV.manager().newSubManager()) {
      var o = reid.infer(ctx(m, false), batch(m, REID));
      assertClose(o.logits(), REID.floats("eval.scores"));
      assertClose(o.embedding(), REID.floats("eval.test_feature_normalised"));
    }
    CalReidMethod neck = reid(CalReidConfig.NECK);
    try (NDManager m = ENV.manager().newSubManager()) {
      assertThat(neck.infer(ctx(m, false), batch(m, REID)).embedding().getShape()).isEqualTo(new Shape(6, 5));
    }
  }
}
