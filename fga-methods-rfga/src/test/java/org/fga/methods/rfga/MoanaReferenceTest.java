package org.fga.methods.rfga;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fga.backbones.nn.TorchNames;
import org.fga.backbones.weights.WeightLoader;
import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.Task;
import org.fga.core.evaluate.MapResize;
import org.fga.core.io.NdArray;
import org.fga.core.method.Batch;
import org.fga.core.method.StepContext;
import org.fga.testkit.ReferenceTensors;
import org.fga.testkit.StandInBackbones;
import org.fga.testkit.TinyData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our module, network head and MoANA score maps compute what the reference code computes, on
 * weights, inputs and outputs saved by {@code src/test/python/make_moana_fixtures.py} from
 * ku-milab/MoANA's own {@code moana} module ({@code modules/moana_module.py}), {@code
 * MoANA._forward_impl} ({@code models/resnet.py}) and {@code normalize_scoremap} ({@code
 * heatmaps.py}). C = 8 at 7×7 (H = W, where an H/W mix-up keeps every shape) and 5×9.
 */
class MoanaReferenceTest {
  private static final double TOLERANCE = 1e-4;
  private static final int CLASSES = 5;

  /** Our child block of the module → the reference's attribute name. */
  private static final Map<String, String> REFERENCE_NAMES =
      Map.of("conv_c", "conv_c", "conv_h", "conv_h", "conv_w", "conv_w", "bn_c", "bn1", "bn_h", "bn2", "bn_w", "bn3");

  @ParameterizedTest
  @ValueSource(strings = {"c8_h7_w7", "c8_h5_w9"})
  void moduleForwardAndBackwardMatchTheReferenceInTrainMode(String shape) {
    checkModule(shape, true);
  }

  @ParameterizedTest
  @ValueSource(strings = {"c8_h7_w7", "c8_h5_w9"})
  void moduleForwardAndBackwardMatchTheReferenceInEvalMode(String shape) {
    checkModule(shape, false);
  }

  private static void checkModule(String shape, boolean training) {
    Map<String, NdArray> f = fixture("moana_" + shape + ".npz");
    String mode = training ? "train." : "eval.";
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = array(m, f.get("x"));
      long c = x.getShape().get(1);
      TripleViewAttention module = new TripleViewAttention((int) c, 3);
      module.initialize(m, DataType.FLOAT32, x.getShape());
      Map<String, Parameter> params = load(module, f, "w.");
      ParameterStore ps = new ParameterStore(m, false);
      NDArray y;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        x.setRequiresGradient(true);
        y = module.forward(ps, new NDList(x), training).singletonOrThrow();
        gc.backward(y.mul(array(m, f.get("g"))).sum());
      }
      assertClose(shape + " " + mode + "y", y, f.get(mode + "y"));
      assertClose(shape + " " + mode + "dx", x.getGradient(), f.get(mode + "dx"));
      assertGradients(shape, params, f, mode + "grad.");
      if (training) { // one forward moved the running statistics with PyTorch's momentum 0.1
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
          if (e.getKey().contains("running")) {
            assertClose(shape + " " + e.getKey(), e.getValue().getArray(), f.get("train.running." + e.getKey()));
          }
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"c8_h7_w7", "c8_h5_w9"})
  void networkHeadMatchesTheReferenceForwardLossGradientsAndCams(String shape) {
    Map<String, NdArray> f = fixture("head_" + shape + ".npz");
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = array(m, f.get("x"));
      Shape s = x.getShape();
      ClassMapMethod method =
          new ClassMapMethod(identityBackbone((int) s.get(1), (int) s.get(2)), info(), null, 3, CamNormalization.MINMAX);
      method.block().initialize(m, DataType.FLOAT32, s);
      Map<String, Parameter> params = new LinkedHashMap<>();
      load(method.network().attention(), f, "w.moana.").forEach((k, v) -> params.put("moana." + k, v));
      load(method.network().classifier(), f, "w.classifier.").forEach((k, v) -> params.put("classifier." + k, v));
      NDArray labels = m.create(longs(f.get("labels")));
      Batch batch = new Batch(x, labels, null, null, null, new int[] {0, 1}, List.of());

      // one training step: cross-entropy of the GAP logits (trainer.py:73), gradients of it
      ParameterStore ps = new ParameterStore(m, false);
      StepContext train = new StepContext(m, ps, true, new Random(0), 0, 0, 1);
      NDArray loss;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        x.setRequiresGradient(true);
        loss = method.trainStep(train, batch).total();
        gc.backward(loss);
      }
      assertClose(shape + " loss", loss.reshape(1), f.get("train.loss"));
      assertClose(shape + " train dx", x.getGradient(), f.get("train.dx"));
      assertGradients(shape, params, f, "train.grad.");
      NDArray trainLogits = method.block().forward(ps, new NDList(x), true).get(0);
      assertClose(shape + " train logits", trainLogits, f.get("train.logits"));

      // evaluation: logits and the class map of the label (return_cam=True), raw
      load(method.network().attention(), f, "w.moana.");
      StepContext eval = new StepContext(m, new ParameterStore(m, false), false, new Random(0), 0, 0, 0);
      NDArray xEval = array(m, f.get("x"));
      Batch evalBatch = new Batch(xEval, labels, null, null, null, new int[] {0, 1}, List.of());
      assertClose(shape + " eval logits", method.infer(eval, evalBatch).logits(), f.get("eval.logits"));
      NDArray cams = method.attention(eval, evalBatch, labels);
      assertClose(shape + " cams", cams, f.get("eval.cams"));

      // MoANA's scoring: bicubic to the input (8× the map at output stride 8), 65th-percentile shift
      int h = (int) s.get(2);
      int w = (int) s.get(3);
      float[] raw = cams.toFloatArray();
      float[] resized = new float[raw.length * 64];
      for (int i = 0; i < 2; i++) {
        float[] one = java.util.Arrays.copyOfRange(raw, i * h * w, (i + 1) * h * w);
        System.arraycopy(MapResize.bicubic(one, h, w, 8 * h, 8 * w), 0, resized, i * 64 * h * w, 64 * h * w);
      }
      assertClose(shape + " resized cams", resized, f.get("eval.cams_resized").toFloats());
      NDArray normalised = CamNormalization.PERCENTILE65.apply(cams, 8 * h, 8 * w);
      assertThat(normalised.getShape()).isEqualTo(new Shape(2, 8 * h, 8 * w));
      assertClose(shape + " normalised cams", normalised, f.get("eval.cams_normalized"));
    }
  }

  /** A backbone whose single stage is its input: the fixtures start at the module's input. */
  private static Backbone identityBackbone(int channels, int size) {
    return StandInBackbones.identity("layer4", channels, 8, size);
  }

  private static DatasetInfo info() {
    return TinyData.info(Task.CLASSIFICATION, CLASSES);
  }

  /**
   * Copies the fixture's {@code prefix}-ed tensors into {@code block} under the reference's names;
   * returns the block's parameters by reference name (without the prefix).
   */
  private static Map<String, Parameter> load(Block block, Map<String, NdArray> f, String prefix) {
    Map<String, Parameter> byReference = new LinkedHashMap<>();
    Map<String, NdArray> tensors = new HashMap<>();
    for (Map.Entry<String, Parameter> e : TorchNames.of(block).entrySet()) {
      String ours = e.getKey(); // "01conv_c.weight" in the module, "weight" in the classifier
      int dot = ours.indexOf('.');
      String ref = dot < 0 ? ours : REFERENCE_NAMES.get(ours.substring(2, dot)) + ours.substring(dot);
      NdArray t = f.get(prefix + ref);
      assertThat(t).as("fixture tensor " + prefix + ref).isNotNull();
      tensors.put(ours, t);
      byReference.put(ref, e.getValue());
    }
    WeightLoader.Report report = WeightLoader.builder().build().load(block, tensors, "fixture");
    assertThat(report.loaded()).isEqualTo(tensors.size());
    return byReference;
  }

  private static void assertGradients(String shape, Map<String, Parameter> params, Map<String, NdArray> f, String prefix) {
    int compared = 0;
    for (Map.Entry<String, Parameter> e : params.entrySet()) {
      NdArray expected = f.get(prefix + e.getKey());
      if (expected != null) { // the reference's named_parameters: no running statistics
        assertClose(shape + " grad " + e.getKey(), e.getValue().getArray().getGradient(), expected);
        compared++;
      }
    }
    assertThat(compared).as("gradients compared").isGreaterThanOrEqualTo(9);
  }

  private static void assertClose(String what, NDArray actual, NdArray expected) {
    ReferenceTensors.assertClose(what, actual, expected, TOLERANCE);
  }

  /** Every element within 1e-4 of the reference (absolute; the values are of order 1 to 10). */
  private static void assertClose(String what, float[] actual, float[] expected) {
    ReferenceTensors.assertClose(what, actual, expected, TOLERANCE);
  }

  private static Map<String, NdArray> fixture(String name) {
    return ReferenceTensors.read(MoanaReferenceTest.class, "/moana/" + name);
  }

  private static NDArray array(NDManager m, NdArray t) {
    return ReferenceTensors.array(m, t);
  }

  private static long[] longs(NdArray t) {
    float[] v = t.toFloats(); // small class indices: exact in float32
    long[] out = new long[v.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (long) v[i];
    }
    return out;
  }
}
