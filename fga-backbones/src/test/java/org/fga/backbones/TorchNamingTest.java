package org.fga.backbones;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.Map;
import org.fga.backbones.nn.TorchNames;
import org.fga.core.backbone.BackboneSpec;
import org.fga.core.plugin.Plugins;
import org.junit.jupiter.api.Test;

/** Parameters are addressable by their torchvision state-dict names, head included. */
class TorchNamingTest {
  private static TorchBackbone create(String arch, int width) {
    return (TorchBackbone) Plugins.load().backbones().get(arch).create(BackboneSpec.of(arch).withWidth(width));
  }

  @Test
  void resnet50ClassifierHasTorchvisionNamesAndShapes() {
    TorchBackbone b = create("resnet50", 8);
    ClassifierNetwork net = b.classifier(10);
    try (NDManager m = NDManager.newBaseManager()) {
      net.initialize(m, DataType.FLOAT32, new Shape(1, 3, 32, 32));
      Map<String, Parameter> p = TorchNames.of(net);
      assertThat(p.keySet())
          .startsWith("conv1.weight", "bn1.weight", "bn1.bias", "bn1.running_mean", "bn1.running_var",
              "layer1.0.conv1.weight")
          .contains("layer1.0.downsample.0.weight", "layer1.0.downsample.1.running_var",
              "layer4.2.bn3.running_mean", "layer2.0.conv2.weight")
          .endsWith("fc.weight", "fc.bias")
          .doesNotContain("layer1.1.downsample.0.weight");
      // 53 convs, 53 BNs (4 tensors each), fc weight and bias.
      assertThat(p).hasSize(53 + 53 * 4 + 2);
      assertThat(p.get("layer2.0.conv2.weight").getArray().getShape()).isEqualTo(new Shape(16, 16, 3, 3));
      assertThat(p.get("fc.weight").getArray().getShape()).isEqualTo(new Shape(10, 256));
      assertThat(p.get("bn1.running_var").requiresGradient()).isFalse();
    }
  }

  @Test
  void vggIndicesMatchTorchvision() {
    TorchBackbone plain = create("vgg16", 8);
    TorchBackbone bn = create("vgg16_bn", 8);
    try (NDManager m = NDManager.newBaseManager()) {
      ClassifierNetwork a = plain.classifier(5);
      a.initialize(m, DataType.FLOAT32, new Shape(1, 3, 32, 32));
      assertThat(TorchNames.of(a).keySet())
          .contains("features.0.weight", "features.28.bias", "classifier.0.weight", "classifier.3.bias",
              "classifier.6.weight")
          .hasSize(13 * 2 + 3 * 2);
      assertThat(TorchNames.of(a).get("classifier.0.weight").getArray().getShape())
          .isEqualTo(new Shape(512, 64 * 7 * 7));
      ClassifierNetwork b = bn.classifier(5);
      b.initialize(m, DataType.FLOAT32, new Shape(1, 3, 32, 32));
      assertThat(TorchNames.of(b).keySet()).contains("features.1.running_mean", "features.40.weight",
          "features.41.running_var");
    }
  }

  @Test
  void outputStrideEightKeepsLayer3And4AtStrideOneWithTheSameParameters() {
    TorchBackbone plain = create("resnet50", 8);
    TorchBackbone os8 =
        (TorchBackbone) Plugins.load().backbones().get("resnet50")
            .create(new BackboneSpec("resnet50", null, null, 8, 8, null));
    assertThat(os8.cfg().stages()).extracting(t -> t.stride()).containsExactly(4, 8, 8, 8);
    TorchBackbone ls1 =
        (TorchBackbone) Plugins.load().backbones().get("resnet18")
            .create(new BackboneSpec("resnet18", null, 1, null, 8, null));
    assertThat(ls1.cfg().stages()).extracting(t -> t.stride()).containsExactly(4, 8, 16, 16);
    assertThat(plain.cfg().stages()).extracting(t -> t.stride()).containsExactly(4, 8, 16, 32);
    try (NDManager m = NDManager.newBaseManager()) {
      Shape in = new Shape(1, 3, 64, 64);
      plain.block().initialize(m, DataType.FLOAT32, in);
      os8.block().initialize(m, DataType.FLOAT32, in);
      Map<String, Parameter> a = plain.namedParameters();
      Map<String, Parameter> b = os8.namedParameters();
      assertThat(b.keySet()).containsExactlyElementsOf(a.keySet());
      a.forEach((k, v) -> assertThat(b.get(k).getArray().getShape()).as(k).isEqualTo(v.getArray().getShape()));
      assertThat(os8.block().getOutputShapes(new Shape[] {in})[3]).isEqualTo(new Shape(1, 256, 8, 8));
    }
  }
}
