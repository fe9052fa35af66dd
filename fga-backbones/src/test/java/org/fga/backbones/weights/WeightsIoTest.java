package org.fga.backbones.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fga.backbones.ClassifierNetwork;
import org.fga.backbones.TorchBackbone;
import org.fga.backbones.nn.TorchNames;
import org.fga.core.backbone.BackboneSpec;
import org.fga.core.error.FgaUserException;
import org.fga.core.plugin.Plugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.fga.core.io.Npy;
import org.fga.core.io.NdArray;

class WeightsIoTest {
  @TempDir Path tmp;

  private static ClassifierNetwork resnet18(NDManager m, int width, int classes) {
    TorchBackbone b =
        (TorchBackbone) Plugins.load().backbones().get("resnet18")
            .create(BackboneSpec.of("resnet18").withWidth(width));
    ClassifierNetwork net = b.classifier(classes);
    net.initialize(m, DataType.FLOAT32, new Shape(1, 3, 32, 32));
    return net;
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(WeightsIoTest.class.getResource("/torchvision/" + name).toURI());
  }

  @Test
  void exportedWeightsLoadBackBitExact() throws IOException {
    try (NDManager m = NDManager.newBaseManager()) {
      ClassifierNetwork a = resnet18(m, 8, 7);
      // Non-default running statistics, so buffers are checked too, with awkward float values.
      for (Parameter p : TorchNames.of(a).values()) {
        NDArray arr = p.getArray();
        arr.set(new ai.djl.ndarray.index.NDIndex("..."), m.randomNormal(arr.getShape()).mul(1e-3f).exp());
      }
      Path file = tmp.resolve("r18.safetensors");
      WeightExporter.save(a, file);
      ClassifierNetwork b = resnet18(m, 8, 7);
      WeightLoader.Report report = WeightLoader.builder().build().load(b, file);
      Map<String, Parameter> pa = TorchNames.of(a);
      Map<String, Parameter> pb = TorchNames.of(b);
      assertThat(report.loaded()).isEqualTo(pa.size());
      assertThat(Safetensors.read(file).keySet()).containsExactlyElementsOf(pa.keySet());
      pa.forEach(
          (name, p) ->
              assertThat(bits(pb.get(name).getArray())).as(name).isEqualTo(bits(p.getArray())));
      assertThat(pb.get("conv1.weight").requiresGradient()).isTrue();
    }
  }

  private static int[] bits(NDArray a) {
    float[] f = a.toFloatArray();
    int[] out = new int[f.length];
    for (int i = 0; i < f.length; i++) {
      out[i] = Float.floatToRawIntBits(f[i]);
    }
    return out;
  }

  @Test
  void strictLoadOfAWrongShapeFailsNamingTheTensorAndBothShapes() throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      ClassifierNetwork wide = resnet18(m, 16, 10); // the file is width 8
      assertThatThrownBy(() -> WeightLoader.builder().build().load(wide, fixture("resnet18_w8.npz")))
          .isInstanceOf(FgaUserException.class)
          .hasMessageContaining("conv1.weight (model [16, 3, 7, 7], file [8, 3, 7, 7])")
          .hasMessageContaining("resnet18_w8.npz");
    }
  }

  @Test
  void missingAndUnexpectedTensorsFailUnlessAllowed() throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      ClassifierNetwork net = resnet18(m, 8, 10);
      Map<String, NdArray> file = new LinkedHashMap<>(WeightFiles.read(fixture("resnet18_w8.npz")));
      NdArray fcBias = file.remove("fc.bias");
      file.put("extra.weight", fcBias);
      assertThatThrownBy(() -> WeightLoader.builder().build().load(net, file, "edited"))
          .isInstanceOf(FgaUserException.class)
          .hasMessageContaining("missing from the file 1: fc.bias [10]")
          .hasMessageContaining("unexpected in the file 1: extra.weight [10]");
      file.remove("extra.weight");

      // A fresh head of another class count: allow-missing keeps its initialisation.
      ClassifierNetwork five = resnet18(m, 8, 5);
      float[] before = TorchNames.of(five).get("fc.weight").getArray().toFloatArray();
      WeightLoader.Report r =
          WeightLoader.builder().optAllowMissing(List.of("fc.")).build().load(five, file, "edited");
      assertThat(r.keptInitial()).containsExactly("fc.weight", "fc.bias");
      assertThat(TorchNames.of(five).get("fc.weight").getArray().toFloatArray()).isEqualTo(before);
      assertThat(TorchNames.of(five).get("conv1.weight").getArray().toFloatArray())
          .isEqualTo(file.get("conv1.weight").toFloats());
    }
  }

  @Test
  void headlessBackboneSkipsTheHeadOfAFullFileAndTheHeadAliasWorks() throws Exception {
    String weights = fixture("resnet18_w8.npz").toString();
    TorchBackbone b =
        (TorchBackbone) Plugins.load().backbones().get("resnet18")
            .create(new BackboneSpec("resnet18", weights, null, null, 8, null));
    try (NDManager m = NDManager.newBaseManager()) {
      b.block().initialize(m, DataType.FLOAT32, new Shape(1, 3, 32, 32));
      b.loadPretrained();
      assertThat(b.namedParameters().get("layer4.1.bn2.running_var").getArray().toFloatArray())
          .isEqualTo(WeightFiles.read(Path.of(weights)).get("layer4.1.bn2.running_var").toFloats());
      TorchBackbone c =
          (TorchBackbone) Plugins.load().backbones().get("resnet18")
              .create(new BackboneSpec("resnet18", weights, null, null, 8, List.of("head")));
      ClassifierNetwork net = c.classifier(3);
      net.initialize(m, DataType.FLOAT32, new Shape(1, 3, 32, 32));
      WeightLoader.Report r = c.loadClassifier(net);
      assertThat(r.keptInitial()).containsExactly("fc.weight", "fc.bias");
    }
  }

  @Test
  void readsEveryDtype() throws Exception {
    Map<String, NdArray> t = Safetensors.read(fixture("dtypes.safetensors"));
    float[] expected = {0f, -1.5f, 3.25f, 65504f, 6.1035156e-05f, (float) Math.pow(2, -24)};
    expected[5] = -expected[5];
    assertThat(t.get("f32").shape()).containsExactly(2, 3);
    assertThat(t.get("f32").toFloats()).containsExactly(expected);
    assertThat(t.get("f64").toFloats()).containsExactly(expected);
    assertThat(t.get("f16").toFloats()).containsExactly(expected);
    assertThat(t.get("i64").toFloats()).containsExactly(-3, -2, -1, 0, 1, 2);
    float[] bf16 = Safetensors.read(fixture("dtypes_bf16.safetensors")).get("bf16").toFloats();
    for (int i = 0; i < expected.length; i++) { // bf16 keeps the top 16 bits (truncation)
      int truncated = Float.floatToRawIntBits(expected[i]) & 0xffff0000;
      assertThat(Float.floatToRawIntBits(bf16[i])).isEqualTo(truncated);
    }
  }

  @Test
  void readsNumpyLayoutsAndWritesWhatNumpyWrites() throws Exception {
    float[] arange = new float[24];
    for (int i = 0; i < 24; i++) {
      arange[i] = i;
    }
    for (String f : List.of("c_order.npy", "fortran_order.npy", "big_endian.npy", "version2.npy")) {
      NdArray t = Npy.read(fixture(f));
      assertThat(t.shape()).as(f).containsExactly(2, 3, 4);
      assertThat(t.toFloats()).as(f).containsExactly(arange);
    }
    Path out = tmp.resolve("out.npy");
    Npy.write(out, NdArray.ofFloats("test", new int[] {2, 3, 4}, arange));
    // numpy's own file for the same array is byte-identical to ours.
    assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(fixture("c_order.npy")));
  }

  @Test
  void rejectsMalformedFilesWithTheirName() throws IOException {
    Path bad = tmp.resolve("bad.safetensors");
    ByteBuffer b = ByteBuffer.allocate(8 + 16).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(16).put("{\"a\":{\"dtype\":1".getBytes());
    Files.write(bad, b.array());
    assertThatThrownBy(() -> Safetensors.read(bad))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("bad.safetensors");
    Path single = tmp.resolve("one.npy");
    Npy.write(single, NdArray.ofFloats("test", new int[] {1}, new float[] {1}));
    assertThatThrownBy(() -> WeightFiles.read(single))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("one unnamed array");
    assertThatThrownBy(() -> WeightFiles.read(tmp.resolve("nope.safetensors")))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("not found");
  }

  @Test
  void readsADirectoryOfNpyFiles() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("state"));
    Npy.write(dir.resolve("fc.weight.npy"), NdArray.ofFloats("test", new int[] {1, 2}, new float[] {1, 2}));
    Npy.write(dir.resolve("fc.bias.npy"), NdArray.ofFloats("test", new int[] {1}, new float[] {3}));
    Map<String, NdArray> t = WeightFiles.read(dir);
    assertThat(t.keySet()).containsExactlyInAnyOrder("fc.weight", "fc.bias");
    assertThat(t.get("fc.weight").toFloats()).containsExactly(1, 2);
  }
}
