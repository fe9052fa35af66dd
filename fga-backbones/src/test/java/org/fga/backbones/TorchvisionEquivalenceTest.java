package org.fga.backbones;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import org.fga.backbones.nn.TorchNames;
import org.fga.core.io.NdArray;
import org.fga.backbones.weights.WeightLoader;
import org.fga.core.backbone.BackboneSpec;
import org.fga.core.plugin.Plugins;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Our blocks compute what torchvision computes, on weights, inputs and outputs saved by {@code
 * make_fixture.py} from torchvision's own residual blocks and VGG layers at reduced width: eval-mode
 * logits and every tap, and, in one train-mode step, BN running statistics (momentum 0.1, unbiased
 * variance) and a gradient.
 */
class TorchvisionEquivalenceTest {
  private static final double TOLERANCE = 1e-4;

  @ParameterizedTest(name = "{0} width {1} from {2}")
  @CsvSource({"resnet18, 8, resnet18_w8.npz", "resnet50, 4, resnet50_w4.safetensors"})
  void resnetMatchesTorchvision(String arch, int width, String weights) {
    String stem = weights.substring(0, weights.indexOf('.'));
    Map<String, NdArray> io = Fixtures.read(stem + "_io.npz");
    TorchBackbone backbone =
        (TorchBackbone) Plugins.load().backbones().get(arch).create(BackboneSpec.of(arch).withWidth(width));
    ClassifierNetwork net = backbone.classifier(10);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = array(m, io.get("input"));
      net.initialize(m, DataType.FLOAT32, x.getShape());
      WeightLoader.Report report =
          WeightLoader.builder().build().load(net, Fixtures.path(weights));
      assertThat(report.loaded()).isEqualTo(TorchNames.of(net).size());
      assertThat(report.skippedFromFile()).allMatch(n -> n.endsWith("num_batches_tracked"));

      ParameterStore ps = new ParameterStore(m, false);
      NDList taps = backbone.block().forward(ps, new NDList(x), false);
      List<String> names = List.of("layer1", "layer2", "layer3", "layer4");
      for (int i = 0; i < names.size(); i++) {
        assertThat(Fixtures.relativeError(taps.get(i).toFloatArray(), io.get(names.get(i)).toFloats()))
            .as(names.get(i))
            .isLessThan(TOLERANCE);
      }
      NDArray logits = net.forward(ps, new NDList(x), false).singletonOrThrow();
      assertThat(logits.getShape()).isEqualTo(new Shape(2, 10));
      assertThat(Fixtures.relativeError(logits.toFloatArray(), io.get("logits").toFloats()))
          .isLessThan(TOLERANCE);

      // One train-mode forward and backward, as torch did after the eval pass.
      Map<String, Parameter> params = TorchNames.of(net);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray out = net.forward(ps, new NDList(x), true).singletonOrThrow();
        gc.backward(out.mul(array(m, io.get("upstream"))).sum());
      }
      assertThat(
              Fixtures.relativeError(
                  params.get("bn1.running_mean").getArray().toFloatArray(),
                  io.get("train_bn1_running_mean").toFloats()))
          .isLessThan(TOLERANCE);
      assertThat(
              Fixtures.relativeError(
                  params.get("bn1.running_var").getArray().toFloatArray(),
                  io.get("train_bn1_running_var").toFloats()))
          .isLessThan(TOLERANCE);
      // Our float32 gradient is as close to the exact (float64) one as float32 allows. Train-mode BN
      // over few values amplifies rounding about a thousandfold; the fixtures' inputs are chosen
      // so torch's own float32 gradient stays within 1e-3 of the exact one under 1e-6 changes of
      // the input (make_fixture.py, tie_free_input), so 1e-3 is a bound on rounding, not luck.
      float[] exact = io.get("train_conv1_weight_grad_f64").toFloats();
      double torchError = Fixtures.relativeError(io.get("train_conv1_weight_grad").toFloats(), exact);
      double ourError =
          Fixtures.relativeError(params.get("conv1.weight").getArray().getGradient().toFloatArray(), exact);
      assertThat(ourError).isLessThan(Math.max(1e-3, 2 * torchError));
    }
  }

  @Test
  void vgg16BnFeaturesMatchTorchvision() {
    Map<String, NdArray> io = Fixtures.read("vgg16_bn_w4_io.npz");
    TorchBackbone backbone =
        (TorchBackbone) Plugins.load().backbones().get("vgg16_bn")
            .create(new BackboneSpec("vgg16_bn", Fixtures.path("vgg16_bn_w4.safetensors").toString(),
                null, null, 4, null));
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = array(m, io.get("input"));
      backbone.block().initialize(m, DataType.FLOAT32, x.getShape());
      backbone.loadPretrained();
      NDList stages = backbone.block().forward(new ParameterStore(m, false), new NDList(x), false);
      NDArray last = stages.get(stages.size() - 1);
      assertThat(last.getShape().getShape()).isEqualTo(io.get("stage5").longShape());
      assertThat(Fixtures.relativeError(last.toFloatArray(), io.get("stage5").toFloats()))
          .isLessThan(TOLERANCE);
    }
  }

  static NDArray array(NDManager m, NdArray t) {
    return m.create(t.toFloats(), new Shape(t.longShape()));
  }
}
