package org.fga.backbones;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.fga.core.io.NdArray;
import org.fga.backbones.weights.WeightFiles;
import org.fga.core.backbone.BackboneSpec;
import org.fga.core.plugin.Plugins;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Full-width torchvision models against their torchvision logits. The files are too big to commit:
 * {@code src/test/python/check_full_width.py DIR} makes them, and this runs only with {@code
 * -Dfga.fullWidthDir=DIR}.
 */
@EnabledIfSystemProperty(named = "fga.fullWidthDir", matches = ".+")
class FullWidthEquivalenceTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"resnet18", "resnet50", "vgg16", "vgg16_bn"})
  void logitsMatchTorchvision(String arch) {
    Path dir = Path.of(System.getProperty("fga.fullWidthDir"));
    Path weights = dir.resolve(arch + ".safetensors");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(weights), "no " + weights);
    Map<String, NdArray> io = WeightFiles.read(dir.resolve(arch + "_io.npz"));
    TorchBackbone b =
        (TorchBackbone) Plugins.load().backbones().get(arch)
            .create(new BackboneSpec(arch, weights.toString(), null, null, null, null));
    ClassifierNetwork net = b.classifier(1000);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = TorchvisionEquivalenceTest.array(m, io.get("input"));
      net.initialize(m, DataType.FLOAT32, x.getShape());
      b.loadClassifier(net);
      NDArray logits = net.forward(new ParameterStore(m, false), new NDList(x), false).head();
      double err = Fixtures.relativeError(logits.toFloatArray(), io.get("logits").toFloats());
      System.out.printf("%s: max relative error of logits %.3g%n", arch, err);
      assertThat(err).isLessThan(1e-4);
    }
  }
}
