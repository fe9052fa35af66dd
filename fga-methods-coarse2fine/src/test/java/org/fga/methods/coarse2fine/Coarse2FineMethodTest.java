package org.fga.methods.coarse2fine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Random;
import org.fga.core.backbone.Backbone;
import org.fga.core.backbone.BackboneSpec;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.Task;
import org.fga.core.error.FgaUserException;
import org.fga.core.method.Batch;
import org.fga.core.method.Losses;
import org.fga.core.method.Outputs;
import org.fga.core.method.StepContext;
import org.fga.testkit.TinyData;
import org.fga.testkit.PluginsAndManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The method on a tiny ResNet-18 (width 4, output stride 8: 4×4 maps of 32 channels at 32 px):
 * initialisation, what each stage trains, the gradient path, inference.
 */
class Coarse2FineMethodTest {
  private static final int SIZE = 32;
  private static final int CLASSES = 3;
  @RegisterExtension static final PluginsAndManager ENV = new PluginsAndManager();

  static Coarse2FineConfig config(Integer maps, Boolean orthogonal, Integer stage1Epochs, Double coarseWeight) {
    return new Coarse2FineConfig(null, maps, null, orthogonal, stage1Epochs, coarseWeight, null, null, null, null, null);
  }

  private static Coarse2FineMethod build(Coarse2FineConfig c) {
    Backbone bb = ENV.plugins().backbones().get("resnet18").create(new BackboneSpec("resnet18", null, null, 8, 4, null));
    DatasetInfo info = TinyData.info(Task.CLASSIFICATION, CLASSES);
    Coarse2FineMethod method = (Coarse2FineMethod) ENV.plugins().methods().get("coarse2fine").createFrom(c, bb, info);
    Engine.getInstance().setRandomSeed(7);
    method.block().initialize(ENV.manager(), DataType.FLOAT32, new Shape(1, 3, SIZE, SIZE));
    return method;
  }

  private static Batch batch(NDManager m, int n) {
    return TinyData.noiseBatch(m, n, SIZE, CLASSES);
  }

  private static StepContext ctx(NDManager m, boolean training, int epoch) {
    return new StepContext(m, new ParameterStore(m, false), training, new Random(11), epoch, epoch * 10L, 40);
  }

  private static Losses step(Coarse2FineMethod method, NDManager m, int epoch) {
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      Losses l = method.trainStep(ctx(m, true, epoch), batch(m, 4));
      gc.backward(l.total());
      return l;
    }
  }

  static NDArray attentionWeight(Coarse2FineMethod method) {
    return weight(method.network().attention());
  }

  static NDArray weight(Block b) {
    return b.getParameters().stream()
        .filter(p -> p.getValue().getType() == Parameter.Type.WEIGHT)
        .findFirst().orElseThrow().getValue().getArray();
  }

  /** The gradient libtorch holds, or null if no backward reached the array (PyTorch's None). */
  static NDArray gradient(NDArray a) {
    return JniUtils.getGradient((PtNDArray) a);
  }

  @Test
  void attentionConvStartsWithOrthonormalRowsOrColumns() {
    // M = 8 < C = 32: W Wᵀ = I; M = 48 > C = 32: Wᵀ W = I
    for (int maps : new int[] {8, 48}) {
      NDArray w = attentionWeight(build(config(maps, true, null, null)));
      assertThat(w.getShape()).isEqualTo(new Shape(maps, 32, 1, 1));
      NDArray mat = w.reshape(maps, 32);
      NDArray gram = maps <= 32 ? mat.matMul(mat.transpose()) : mat.transpose().matMul(mat);
      NDArray eye = ENV.manager().eye((int) gram.getShape().get(0));
      assertThat(gram.sub(eye).abs().max().getFloat()).as("M = %d", maps).isLessThan(1e-5f);
    }
  }

  @Test
  void withoutOrthogonalInitTheRowsAreNotOrthonormal() {
    NDArray mat = attentionWeight(build(config(8, false, null, null))).reshape(8, 32);
    NDArray gram = mat.matMul(mat.transpose());
    assertThat(gram.sub(ENV.manager().eye(8)).abs().max().getFloat()).isGreaterThan(0.05f);
  }

  @Test
  void stageOneTrainsTheCoarseNetworkOnly() {
    Coarse2FineMethod method = build(config(4, null, 2, null));
    try (NDManager m = ENV.manager().newSubManager()) {
      Losses l = step(method, m, 1);
      assertThat(l.terms()).containsOnlyKeys("coarse");
      assertThat(gradient(attentionWeight(method)).abs().sum().getFloat()).isPositive();
      for (var p : method.network().inverse().getParameters()) {
        assertThat(gradient(p.getValue().getArray())).as(p.getKey()).isNull();
      }
      for (var p : method.network().fineFc().getParameters()) {
        assertThat(gradient(p.getValue().getArray())).as(p.getKey()).isNull();
      }
    }
  }

  @Test
  void theFineLossAloneReachesTheAttentionConvThroughTheRegion() {
    // coarse weight 0: every gradient of the attention conv comes through box → zoom → fine stage
    Coarse2FineMethod method = build(config(4, null, 1, 0.0));
    try (NDManager m = ENV.manager().newSubManager()) {
      Losses l = step(method, m, 1);
      assertThat(l.terms()).containsOnlyKeys("coarse", "fine");
      assertThat(gradient(attentionWeight(method)).abs().sum().getFloat()).isGreaterThan(1e-8f);
      for (var p : method.network().inverse().getParameters()) {
        assertThat(gradient(p.getValue().getArray()).abs().sum().getFloat()).as(p.getKey()).isPositive();
      }
      assertThat(gradient(weight(method.network().fineFc())).abs().sum().getFloat()).isPositive();
      assertThat(gradient(weight(method.network().coarseFc())).abs().sum().getFloat()).isZero();
    }
  }

  @Test
  void inferCombinesCoarseAndFineAndTheRegionLiesInTheImage() {
    Coarse2FineMethod mean = build(config(4, null, null, null));
    try (NDManager m = ENV.manager().newSubManager()) {
      Batch b = batch(m, 2);
      Outputs o = mean.infer(ctx(m, false, 0), b);
      assertThat(o.logits().getShape()).isEqualTo(new Shape(2, CLASSES));
      ParameterStore ps = new ParameterStore(m, false);
      var coarse = mean.network().coarse(ps, b.images(), false);
      NDArray fine = mean.network().fine(ps, mean.network().zoom(b.images(), mean.network().region(ps, coarse.get(2), false)), false);
      float[] want = coarse.get(0).add(fine).div(2).toFloatArray();
      float[] got = o.logits().toFloatArray();
      for (int i = 0; i < want.length; i++) {
        assertThat((double) got[i]).isCloseTo(want[i], within(1e-5));
      }
      float[] box = mean.region(ctx(m, false, 0), b).toFloatArray();
      for (int i = 0; i < 2; i++) {
        assertThat(box[4 * i]).isBetween(-1f, 1f);
        assertThat(box[4 * i + 1]).isBetween(-1f, 1f);
        assertThat(box[4 * i + 2]).isBetween(0.25f, 1f);
        assertThat(box[4 * i + 3]).isBetween(0.25f, 1f);
      }
      NDArray att = mean.attention(ctx(m, false, 0), b, m.create(new long[] {0, 1}));
      assertThat(att.getShape()).isEqualTo(new Shape(2, 4, 4));
      // the overlays' boxes are the same regions in pixels: ((x + 1) * W - 1) / 2
      var boxes = mean.regions(ctx(m, false, 0), b);
      assertThat(boxes).hasSize(2);
      for (int i = 0; i < 2; i++) {
        var px = boxes.get(i).get(0);
        double x0 = ((box[4 * i] - box[4 * i + 2] + 1) * SIZE - 1) / 2;
        double y1 = ((box[4 * i + 1] + box[4 * i + 3] + 1) * SIZE - 1) / 2;
        assertThat((double) px.x0()).isCloseTo(Math.max(0, Math.min(SIZE - 1, x0)), within(0.51));
        assertThat((double) px.y1()).isCloseTo(Math.max(0, Math.min(SIZE - 1, y1)), within(0.51));
        assertThat(px.x1()).isGreaterThan(px.x0());
      }
    }
  }

  @Test
  void badSettingsAreOneLineErrorsNamingTheKey() {
    assertThatThrownBy(() -> new Coarse2FineConfig(null, 0, null, null, null, null, null, null, null, null, null))
        .isInstanceOf(FgaUserException.class).hasMessageContaining("method.attentionMaps");
    assertThatThrownBy(() -> new Coarse2FineConfig(null, null, null, null, null, null, null, 1.5, null, null, null))
        .isInstanceOf(FgaUserException.class).hasMessageContaining("method.minRegion");
    assertThatThrownBy(() -> new Coarse2FineConfig(null, null, null, null, null, null, null, null, null, null, "max"))
        .isInstanceOf(FgaUserException.class).hasMessageContaining("method.combine");
  }
}
