package org.fga.methods.cal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Random;
import org.fga.core.backbone.Backbone;
import org.fga.core.backbone.BackboneSpec;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.Task;
import org.fga.core.method.Batch;
import org.fga.core.method.Losses;
import org.fga.core.method.Method;
import org.fga.core.method.Outputs;
import org.fga.core.method.StepContext;
import org.fga.testkit.TinyData;
import org.fga.testkit.PluginsAndManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The methods on a tiny ResNet-18 (width 4, 64 px): shapes, losses, gradients, effect at rest. */
class CalMethodTest {
  private static final int SIZE = 64;
  private static final int CLASSES = 5;
  @RegisterExtension static final PluginsAndManager ENV = new PluginsAndManager();

  private static Method build(String yamlType, Object config, Task task) {
    Backbone bb = ENV.plugins().backbones().get("resnet18").create(BackboneSpec.of("resnet18").withWidth(4));
    DatasetInfo info = TinyData.info(task, CLASSES);
    Method method = ENV.plugins().methods().get(yamlType).createFrom((org.fga.core.method.MethodConfig) config, bb, info);
    Engine.getInstance().setRandomSeed(7);
    method.block().initialize(ENV.manager(), DataType.FLOAT32, new Shape(1, 3, SIZE, SIZE));
    return method;
  }

  private static Batch batch(NDManager m, int n) {
    return TinyData.noiseBatch(m, n, SIZE, 2); // two identities: the triplet loss has positives and negatives
  }

  private static StepContext ctx(NDManager m, boolean training) {
    return new StepContext(m, new ParameterStore(m, false), training, new Random(11), 0, 0, 10);
  }

  private static Losses step(Method method, NDManager m, Batch b) {
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      Losses l = method.trainStep(ctx(m, true), b);
      gc.backward(l.total());
      return l;
    }
  }

  @Test
  void calTrainStepHasEveryTermAndReachesTheAttentionLayer() {
    Method cal = build("cal", CalConfig.defaults(), Task.CLASSIFICATION);
    try (NDManager m = ENV.manager().newSubManager()) {
      Losses l = step(cal, m, batch(m, 4));
      assertThat(l.terms()).containsOnlyKeys("raw", "aug", "effect", "centre");
      for (NDArray t : l.terms().values()) {
        assertThat(Float.isFinite(t.getFloat())).isTrue();
      }
      NDArray g = cal.block().getParameters().stream()
          .filter(p -> p.getKey().contains("attention") && p.getValue().getArray().getShape().dimension() == 4)
          .findFirst().orElseThrow().getValue().getArray().getGradient();
      assertThat(g.abs().sum().getFloat()).isPositive();
      assertThat(cal.state().get("centres").abs().sum().getFloat()).isPositive();
    }
  }

  @Test
  void wsdanHasNoEffectTerm() {
    Method w = build("wsdan", WsdanConfig.defaults(), Task.CLASSIFICATION);
    try (NDManager m = ENV.manager().newSubManager()) {
      assertThat(step(w, m, batch(m, 2)).terms()).containsOnlyKeys("raw", "aug", "centre");
    }
  }

  @Test
  void effectVanishesWhenTheCounterfactualIsTheLearnedAttention() {
    CalMethod cal = (CalMethod) build("cal", CalConfig.defaults(), Task.CLASSIFICATION);
    try (NDManager m = ENV.manager().newSubManager()) {
      ParameterStore ps = new ParameterStore(m, false);
      NDList out = cal.network().forward(ps, new NDList(batch(m, 3).images()), false);
      NDArray same = Counterfactual.effect(cal.network(), ps, out.get(0), out.get(3), out.get(2), false);
      assertThat(same.abs().max().getFloat()).isLessThan(1e-5f);
      NDArray random = Counterfactual.effect(cal.network(), ps, out.get(0), out.get(3),
          Counterfactual.maps(m, out.get(2).getShape(), true, new Random(1)), false);
      assertThat(random.abs().max().getFloat()).isGreaterThan(1e-4f);
    }
  }

  @Test
  void inferAveragesViewsAndAttentionIsTheMeanMap() {
    for (int views : new int[] {2, 8}) {
      CalConfig cfg = new CalConfig(null, 4, null, null, null, null, null, null, null, null, null, null,
          null, null, null, views);
      Method cal = build("cal", cfg, Task.CLASSIFICATION);
      try (NDManager m = ENV.manager().newSubManager()) {
        Batch b = batch(m, 2);
        Outputs o = cal.infer(ctx(m, false), b);
        assertThat(o.logits().getShape()).isEqualTo(new Shape(2, CLASSES));
        assertThat(o.embedding().getShape()).isEqualTo(new Shape(2, 4L * 32));
        NDArray att = cal.attention(ctx(m, false), b, m.create(new long[] {0, 1}));
        assertThat(att.getShape()).isEqualTo(new Shape(2, 2, 2));
      }
    }
  }

  @Test
  void calReidTrainsAndEmbedsOnTheUnitSphere() {
    CalReidConfig cfg = new CalReidConfig(null, null, 16, null, null, null, null, null, null);
    Method reid = build("cal-reid", cfg, Task.REID);
    try (NDManager m = ENV.manager().newSubManager()) {
      Losses l = step(reid, m, batch(m, 4));
      assertThat(l.terms()).containsOnlyKeys("id", "triplet", "effect");
      assertThat(Float.isFinite(l.total().getFloat())).isTrue();
      Outputs o = reid.infer(ctx(m, false), batch(m, 3));
      // the reference's test feature: identity scores (K wide), not the 16-wide neck feature
      assertThat(o.embedding().getShape()).isEqualTo(new Shape(3, CLASSES));
      float[] norms = o.embedding().square().sum(new int[] {1}).toFloatArray();
      for (float n : norms) {
        assertThat((double) n).isCloseTo(1.0, within(1e-4));
      }
    }
  }
}
