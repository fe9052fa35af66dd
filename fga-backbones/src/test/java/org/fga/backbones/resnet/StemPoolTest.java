package org.fga.backbones.resnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fga.backbones.TorchBackbone;
import org.fga.core.backbone.Backbone;
import org.fga.core.backbone.BackboneSpec;
import org.fga.core.backbone.FeatureTap;
import org.fga.core.error.FgaUserException;
import org.fga.core.plugin.Plugins;
import org.junit.jupiter.api.Test;

/**
 * {@code backbone.stemPool: false}: layer1 runs on the stem convolution's stride-2 maps (GANPerf/LCR's
 * ResNet forward), with the same parameters as torchvision's, so the same weights load.
 */
class StemPoolTest {
  private static final int SIZE = 64;

  private static Backbone resnet18(Boolean stemPool, int outputStride) {
    BackboneSpec spec = new BackboneSpec("resnet18", null, null, outputStride, 8, null, stemPool);
    return Plugins.load().backbones().get("resnet18").create(spec);
  }

  @Test
  void withoutThePoolEveryStageIsTwiceAsLargeAndOutputStride16KeepsLayer4sStride() {
    Backbone pooled = resnet18(null, 16);
    Backbone unpooled = resnet18(false, 16);
    assertThat(pooled.cfg().stages()).extracting(FeatureTap::stride).containsExactly(4, 8, 16, 16);
    // LCR's layout: no pool, every stage strided, output stride 16 reached at layer4
    assertThat(unpooled.cfg().stages()).extracting(FeatureTap::stride).containsExactly(2, 4, 8, 16);
    assertThat(shapes(unpooled)).isEqualTo(shapes(pooled));
  }

  @Test
  void layer1ReadsTheUnpooledStem() {
    Backbone b = resnet18(false, 16);
    try (NDManager m = NDManager.newBaseManager()) {
      Block block = b.block();
      block.initialize(m, DataType.FLOAT32, new Shape(2, 3, SIZE, SIZE));
      NDArray x = m.randomNormal(new Shape(2, 3, SIZE, SIZE));
      ParameterStore ps = new ParameterStore(m, false);
      NDList out = block.forward(ps, new NDList(x), false);
      assertThat(out.get(0).getShape()).isEqualTo(new Shape(2, 8, SIZE / 2, SIZE / 2));
      Map<String, Block> children = new LinkedHashMap<>();
      // DJL numbers child names ("01conv1"): key them by the torchvision name
      block.getChildren().forEach(p -> children.put(p.getKey().replaceFirst("^\\d+", ""), p.getValue()));
      NDArray stem = children.get("conv1").forward(ps, new NDList(x), false).head();
      stem = Activation.relu(children.get("bn1").forward(ps, new NDList(stem), false).head());
      NDArray layer1 = children.get("layer1").forward(ps, new NDList(stem), false).head();
      assertThat(out.get(0).sub(layer1).abs().max().getFloat()).isLessThan(1e-6f);
    }
  }

  @Test
  void anArchitectureWithoutAPooledStemRefusesItNamingTheKey() {
    BackboneSpec spec = new BackboneSpec("vgg16", null, null, 16, 8, null, false);
    assertThatThrownBy(() -> spec.requireUsableBy(Plugins.load().backbones().get("vgg16")))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("backbone.stemPool: false applies to architectures whose stem ends with a max-pool")
        .hasMessageContaining("vgg16 has none");
    new BackboneSpec("resnet50", null, null, 16, 8, null, false).requireUsableBy(Plugins.load().backbones().get("resnet50"));
  }

  @Test
  void withoutThePoolOutputStride32CannotBeReachedAndIsRefused() {
    assertThatThrownBy(() -> new BackboneSpec("resnet18", null, null, null, 8, null, false))
        .hasMessageContaining("backbone.stemPool: false reaches output stride 16 at most");
  }

  @Test
  void aBackboneBlockSayingStemPoolFalseParsesToIt() throws Exception {
    BackboneSpec spec = org.fga.core.io.Mappers.yaml()
        .readValue("{arch: resnet18, width: 8, outputStride: 16, stemPool: false}", BackboneSpec.class);
    assertThat(spec.pooledStem()).isFalse();
    assertThat(org.fga.core.io.Mappers.yaml().readValue("{arch: resnet18}", BackboneSpec.class).pooledStem()).isTrue();
  }

  @Test
  void theDefaultIsLeftOutOfResolvedSpecsSoEarlierRunsStillMatch() {
    ObjectMapper json = new ObjectMapper();
    assertThat(json.valueToTree(BackboneSpec.of("resnet18")).has("stemPool")).isFalse();
    assertThat(json.valueToTree(new BackboneSpec("resnet18", null, null, null, null, null, true)).has("stemPool")).isFalse();
    assertThat(json.valueToTree(new BackboneSpec("resnet18", null, null, 16, null, null, false)).path("stemPool").asBoolean(true)).isFalse();
  }

  private static Map<String, Shape> shapes(Backbone b) {
    try (NDManager m = NDManager.newBaseManager()) {
      b.block().initialize(m, DataType.FLOAT32, new Shape(1, 3, SIZE, SIZE));
      Map<String, Shape> out = new LinkedHashMap<>();
      for (Map.Entry<String, Parameter> e : ((TorchBackbone) b).namedParameters().entrySet()) {
        out.put(e.getKey(), e.getValue().getArray().getShape());
      }
      return out;
    }
  }
}
