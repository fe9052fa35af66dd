package org.fga.methods.rfga;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Random;
import org.fga.backbones.resnet.ResNetProvider;
import org.fga.core.backbone.Backbone;
import org.fga.core.backbone.BackboneSpec;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.Task;
import org.fga.core.method.Batch;
import org.fga.core.method.StepContext;
import org.fga.core.nn.ClassActivation;
import org.fga.core.nn.Pooling;
import org.junit.jupiter.api.Test;

class ClassMapMethodTest {
  private static final int K = 5;

  private static ClassMapMethod method(NDManager m, boolean rfga) {
    return method(m, rfga, CamNormalization.MINMAX);
  }

  private static ClassMapMethod method(NDManager m, boolean rfga, CamNormalization normalization) {
    Backbone bb = new ResNetProvider.ResNet18().create(new BackboneSpec("resnet18", null, null, 8, 8, null));
    DatasetInfo info = new DatasetInfo("t", Task.CLASSIFICATION, K, List.of("a", "b", "c", "d", "e"));
    ClassMapMethod method = new ClassMapMethod(bb, info, null, rfga ? 3 : null, normalization);
    method.block().initialize(m, DataType.FLOAT32, new Shape(1, 3, 32, 32));
    return method;
  }

  private static Batch batch(NDManager m, int n) {
    return new Batch(m.randomNormal(new Shape(n, 3, 32, 32)), m.create(new long[] {0, 3, 4}), null, null, null,
        new int[] {0, 1, 2}, List.of());
  }

  private static StepContext ctx(NDManager m) {
    return new StepContext(m, new ParameterStore(m, false), false, new Random(0), 0, 0, 1);
  }

  @Test
  void outputStrideEightGivesFeatureMapsAtAnEighthOfTheInput() {
    try (NDManager m = NDManager.newBaseManager()) {
      ClassMapMethod method = method(m, true);
      NDList out = method.block().forward(new ParameterStore(m, false), new NDList(m.zeros(new Shape(2, 3, 32, 32))), false);
      assertThat(out.get(0).getShape()).isEqualTo(new Shape(2, K));
      assertThat(out.get(1).getShape()).isEqualTo(new Shape(2, K, 4, 4));
    }
  }

  @Test
  void theClassifierStartsAsTheReferenceModelsDoAsConfigured() {
    try (NDManager m = NDManager.newBaseManager()) {
      Backbone bb = new ResNetProvider.ResNet18().create(new BackboneSpec("resnet18", null, null, 8, 8, null));
      DatasetInfo info = new DatasetInfo("t", Task.CLASSIFICATION, K, List.of("a", "b", "c", "d", "e"));
      ClassMapMethod camMethod = new ClassMapMethod(bb, info, null, null, CamNormalization.MINMAX, true);
      camMethod.block().initialize(m, DataType.FLOAT32, new Shape(1, 3, 32, 32));
      float[] cam = camMethod.network().classifier().getParameters().get("weight").getArray().toFloatArray();
      float[] rfga = method(m, true).network().classifier().getParameters().get("weight").getArray().toFloatArray();
      // classifierInit linear: the reference CAM's nn.Linear default, U(±1/sqrt(C)); RFGA (and CAM's
      // default): kaiming_normal_(fan_out), N(0, 2/K)
      double bound = 1 / Math.sqrt(camMethod.network().channels());
      for (float w : cam) {
        assertThat(Math.abs(w)).isLessThanOrEqualTo((float) bound);
      }
      assertThat(std(cam)).isCloseTo(bound / Math.sqrt(3), org.assertj.core.api.Assertions.within(0.1 * bound));
      assertThat(std(rfga)).isCloseTo(Math.sqrt(2.0 / K), org.assertj.core.api.Assertions.within(0.12));
    }
  }

  private static double std(float[] v) {
    double s = 0;
    double q = 0;
    for (float x : v) {
      s += x;
      q += x * x;
    }
    double mean = s / v.length;
    return Math.sqrt(q / v.length - mean * mean);
  }

  @Test
  void attentionIsTheClassifierMapChannelOfTheClass() {
    try (NDManager m = NDManager.newBaseManager()) {
      for (boolean rfga : new boolean[] {true, false}) {
        ClassMapMethod method = method(m, rfga);
        Batch b = batch(m, 3);
        NDArray classes = m.create(new long[] {2, 0, 4});
        NDArray att = method.attention(ctx(m), b, classes);
        NDArray maps = method.block().forward(new ParameterStore(m, false), new NDList(b.images()), false).get(1);
        assertThat(att.getShape()).isEqualTo(new Shape(3, 4, 4));
        long[] cls = classes.toLongArray();
        for (int i = 0; i < 3; i++) {
          assertThat(att.get(i).toFloatArray()).containsExactly(maps.get(i).get(cls[i]).toFloatArray());
        }
      }
    }
  }

  @Test
  void percentileOptionHandsTheEvaluatorMoanasMapAtTheInputSize() {
    try (NDManager m = NDManager.newBaseManager()) {
      for (boolean rfga : new boolean[] {true, false}) {
        ClassMapMethod method = method(m, rfga, CamNormalization.PERCENTILE65);
        Batch b = batch(m, 3);
        NDArray classes = m.create(new long[] {2, 0, 4});
        NDArray att = method.attention(ctx(m), b, classes);
        NDArray maps = method.block().forward(new ParameterStore(m, false), new NDList(b.images()), false).get(1);
        NDArray expected = CamNormalization.PERCENTILE65.apply(ClassMaps.select(maps, classes), 32, 32);
        assertThat(att.getShape()).isEqualTo(new Shape(3, 32, 32));
        assertThat(att.toFloatArray()).containsExactly(expected.toFloatArray());
      }
    }
  }

  @Test
  void classMapEqualsTheCamOfTheFeaturesAndLogitsAreItsMean() {
    // The 1×1 classifier is linear: its map of c is CAM_c = Σ_k w_ck F_k (+ b_c), and GAP of the map
    // equals the classifier applied to GAP of the features.
    try (NDManager m = NDManager.newBaseManager()) {
      ClassMapMethod method = method(m, true);
      ParameterStore ps = new ParameterStore(m, false);
      Batch b = batch(m, 3);
      NDList out = method.block().forward(ps, new NDList(b.images()), false);
      var params = method.network().classifier().getParameters();
      NDArray weight = params.get("weight").getArray().reshape(K, -1);
      NDArray bias = params.get("bias").getArray();
      NDArray classes = m.create(new long[] {1, 1, 3});
      NDArray cam = ClassActivation.cam(out.get(2), weight, classes);
      NDArray expected = cam.add(bias.get(classes).reshape(3, 1, 1));
      NDArray att = ClassMaps.select(out.get(1), classes);
      assertThat(att.sub(expected).abs().max().getFloat()).isLessThan(1e-4f);
      NDArray logits = Pooling.gap(out.get(2)).matMul(weight.transpose()).add(bias);
      assertThat(out.get(0).sub(logits).abs().max().getFloat()).isLessThan(1e-4f);
    }
  }

  @Test
  void camHasNoModuleParametersAndRfgaHasThem() {
    try (NDManager m = NDManager.newBaseManager()) {
      assertThat(method(m, false).network().attention()).isNull();
      assertThat(method(m, false).block().getParameters().keys()).noneMatch(k -> k.contains("rfga"));
      assertThat(method(m, true).block().getParameters().keys())
          .anyMatch(k -> k.endsWith("rfga_01conv_c_weight"))
          .anyMatch(k -> k.endsWith("rfga_05bn_h_weight"));
    }
  }

  @Test
  void trainStepGivesAFiniteCrossEntropy() {
    try (NDManager m = NDManager.newBaseManager()) {
      ClassMapMethod method = method(m, true);
      var ctx = new StepContext(m, new ParameterStore(m, false), true, new Random(0), 0, 0, 1);
      float loss = method.trainStep(ctx, batch(m, 3)).total().getFloat();
      assertThat(loss).isFinite().isPositive();
    }
  }
}
