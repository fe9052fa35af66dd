package org.fga.bench.pretrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fga.backbones.weights.Safetensors;
import org.fga.core.io.NdArray;
import org.fga.backbones.weights.WeightExporter;
import org.fga.bench.table.TableRunner;
import org.fga.bench.table.TableSpec;
import org.fga.datasets.synthetic.SyntheticConfig;
import org.fga.core.error.FgaUserException;
import org.fga.core.plugin.Plugins;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.SpecReader;
import org.fga.core.train.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pretrain:} weights: the first use trains the pretraining spec and exports its trained
 * backbone in torchvision names, later uses reuse the file, an edited pretraining spec is refused;
 * and every committed evidence table resolves to the committed pretraining spec (nothing trained).
 */
class PretrainedWeightsTest {
  static final Plugins PLUGINS = Plugins.load();

  static final String PRE = """
      name: tiny-pre
      method: {type: baseline}
      backbone: {arch: resnet18, width: 8}
      data: {type: noise, imageSize: 16, size: 24, numClasses: 3}
      schedule: {epochs: 2, batchSize: 8, lr: 0.1}
      eval: {metrics: [accuracy]}
      """;

  static final String FT = """
      name: tiny-ft
      method: {type: baseline}
      backbone: {arch: resnet18, width: 8, lastStride: 1, weights: "pretrain:pre.yaml"}
      data: {type: noise, imageSize: 16, size: 16, numClasses: 2}
      schedule: {epochs: 1, batchSize: 8, lr: 0.01}
      eval: {metrics: [accuracy]}
      """;

  private static String log(ByteArrayOutputStream b) {
    return b.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theFirstUsePretrainsAndExportsTheTrainedBackboneInTorchvisionNamesAndLaterUsesReuseIt(
      @TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("pre.yaml"), PRE);
    Files.writeString(dir.resolve("ft.yaml"), FT);
    ExperimentSpec ft = new SpecReader(PLUGINS).read(dir.resolve("ft.yaml"));
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    PretrainedWeights weights =
        new PretrainedWeights(PLUGINS, dir, dir.resolve("cache"), new PrintStream(first, true), true);

    ExperimentSpec resolved = weights.resolve(ft);
    Path file = dir.resolve("cache/tiny-pre/backbone.safetensors");
    assertThat(resolved.backbone().weights()).isEqualTo(file.toString());
    // only the weights changed: the fine-tune keeps its own stride
    assertThat(resolved.backbone().lastStride()).isEqualTo(1);
    assertThat(log(first)).contains("first use").contains("exported");
    Map<String, NdArray> saved = Safetensors.read(file);
    assertThat(saved).containsKeys("conv1.weight", "bn1.running_mean", "layer1.0.conv1.weight", "layer4.1.bn2.bias");
    assertThat(saved.keySet()).noneMatch(k -> k.startsWith("fc."));

    // the exported values are the trained ones, not a fresh initialisation from the same seed
    ExperimentSpec pre = new SpecReader(PLUGINS).read(dir.resolve("pre.yaml"));
    try (Session fresh = new Session(PLUGINS, pre)) {
      Map<String, NdArray> init = WeightExporter.tensors(fresh.backbone().block());
      assertThat(saved.get("conv1.weight").toFloats()).isNotEqualTo(init.get("conv1.weight").toFloats());
      assertThat(saved.get("conv1.weight").shape()).isEqualTo(init.get("conv1.weight").shape());
    }
    // and they load strictly into the fine-tune's backbone
    try (Session tuned = new Session(PLUGINS, resolved)) {
      Map<String, NdArray> loaded = WeightExporter.tensors(tuned.backbone().block());
      assertThat(loaded.get("layer2.0.conv1.weight").toFloats())
          .isEqualTo(saved.get("layer2.0.conv1.weight").toFloats());
    }

    long stamp = Files.getLastModifiedTime(file).toMillis();
    ByteArrayOutputStream second = new ByteArrayOutputStream();
    ExperimentSpec again =
        new PretrainedWeights(PLUGINS, dir, dir.resolve("cache"), new PrintStream(second, true), true).resolve(ft);
    assertThat(again).isEqualTo(resolved);
    assertThat(log(second)).doesNotContain("first use").doesNotContain("exported");
    assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(stamp);

    // an edited pretraining spec is refused rather than served from the old run's cache
    Files.writeString(dir.resolve("pre.yaml"), PRE.replace("lr: 0.1", "lr: 0.2"));
    assertThatThrownBy(() -> weights.resolve(ft))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("holds a run of another experiment");
  }

  @Test
  void aMissingPretrainingSpecOrAnotherWidthStopsInOneLine(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("ft.yaml"), FT);
    ExperimentSpec ft = new SpecReader(PLUGINS).read(dir.resolve("ft.yaml"));
    PretrainedWeights weights =
        new PretrainedWeights(PLUGINS, dir, dir.resolve("cache"), new PrintStream(new ByteArrayOutputStream()), true);
    assertThatThrownBy(() -> weights.resolve(ft))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("pre.yaml, which does not exist");
    Files.writeString(dir.resolve("pre.yaml"), PRE.replace("width: 8", "width: 16"));
    assertThatThrownBy(() -> weights.resolve(ft))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("width 8 cannot start from")
        .hasMessageContaining("width 16");
    assertThat(dir.resolve("cache")).doesNotExist();
  }

  @Test
  void everyCommittedEvidenceTableResolvesToTheCommittedCoarsePretraining() throws IOException {
    Path configs = Path.of("..", "configs");
    List<Path> tables;
    try (Stream<Path> s = Files.walk(configs)) {
      tables = s.filter(p -> p.getFileName().toString().startsWith("evidence")
              && p.getParent().getFileName().toString().equals("tables")).sorted().toList();
    }
    assertThat(tables).hasSizeGreaterThanOrEqualTo(5);
    PretrainedWeights weights = new PretrainedWeights(
        PLUGINS, Path.of(".."), Path.of("runs", "pretrain"), new PrintStream(new ByteArrayOutputStream()), true);
    int pretrained = 0;
    for (Path file : tables) {
      TableSpec t = PLUGINS.yaml().readValue(file.toFile(), TableSpec.class);
      assertThat(t.seeds()).as("seeds of %s", file).hasSizeGreaterThanOrEqualTo(3);
      for (TableRunner.Job j : new TableRunner(PLUGINS, System.err, true).jobs(file, t, Path.of("unused"), List.of())) {
        if (!PretrainedWeights.isPretrained(j.spec())) {
          assertThat(j.spec().backbone().weights()).as("%s: %s", file, j.spec().name()).isNull();
          continue;
        }
        pretrained++;
        ExperimentSpec pre = weights.pretrainingSpec(j.spec());
        assertThat(weights.cachedFile(j.spec()))
            .isEqualTo(Path.of("runs", "pretrain", "pretrain_resnet18-w16_coarse64", "backbone.safetensors"));
        // disjoint tasks: the pretraining draws coarse shapes, the fine-tune creatures
        assertThat(((SyntheticConfig) pre.data()).task()).isEqualTo("coarse");
        assertThat(((SyntheticConfig) j.spec().data()).task()).as("%s", j.spec().name()).isIn("classification", "reid");
      }
    }
    assertThat(pretrained).isGreaterThan(0);
  }
}
