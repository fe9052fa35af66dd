package org.fga.bench.rfga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fga.core.data.Split;
import org.fga.bench.layout.CubLayout;
import org.fga.datasets.synthetic.SyntheticConfig;
import org.fga.datasets.DiskDatasetProvider;
import org.fga.datasets.Entry;
import org.fga.datasets.FileDataset;
import org.fga.datasets.cub.CubConfig;
import org.fga.datasets.wsol.WsolMetadataWriter;
import org.fga.core.error.FgaUserException;
import org.fga.core.evaluate.Evaluator;
import org.fga.core.plugin.Plugins;
import org.fga.core.run.ExperimentRunner;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.SpecReader;
import org.fga.core.train.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed CUB row of the RFGA paper, run end to end on a tiny dataset in the protocol's
 * exact layout: CUB_200_2011 as shipped, CUBV2 as the held-out set and wsolevaluation's metadata
 * for both. Only the sizes change (backbone, image size, schedule); the data and eval blocks are
 * the file's own, with their paths moved onto the fixture.
 */
class RfgaCubSpecEndToEndTest {
  static final Plugins PLUGINS = Plugins.load();

  @Test
  void trainsOnCubAndReportsTestAtTheThresholdChosenOnCubV2(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    SyntheticConfig cfg =
        SyntheticConfig.builder().optTrainSize(24).optValSize(0).optTestSize(10).optNumClasses(3)
            .optImageSize(40).optSeed(5).build();
    Path cub = data.resolve("CUB_200_2011");
    new CubLayout().write(cfg, cub);
    DiskDatasetProvider reader = (DiskDatasetProvider) PLUGINS.datasets().get("cub");
    FileDataset train = reader.open(CubConfig.of(cub.toString()), Split.TRAIN);
    FileDataset test = reader.open(CubConfig.of(cub.toString()), Split.TEST);

    // CUBV2 stand-in: six training images copied under new names into their class folders
    List<WsolMetadataWriter.Row> heldOut = new ArrayList<>();
    for (int k = 0; k < 6; k++) {
      Entry e = train.entries().get(k * 4);
      String id = CubLayout.classDir(e.label()) + "/v2_" + k + ".jpg";
      Path copy = data.resolve("CUBV2").resolve(id);
      Files.createDirectories(copy.getParent());
      Files.copy(e.image(), copy);
      heldOut.add(new WsolMetadataWriter.Row(id, e.label(), e.boxes()));
    }
    Path metadata = data.resolve("wsolevaluation/metadata/CUB");
    WsolMetadataWriter.write(metadata.resolve("val"), heldOut, data.resolve("CUBV2"));
    List<WsolMetadataWriter.Row> reported = new ArrayList<>();
    for (Entry e : test.entries()) {
      reported.add(new WsolMetadataWriter.Row(e.id().substring("images/".length()), e.label(), e.boxes()));
    }
    WsolMetadataWriter.write(metadata.resolve("test"), reported, cub.resolve("images"));

    String text = Files.readString(Path.of("..", "configs", "rfga", "rfga_resnet50_cub.yaml"));
    ObjectNode spec = (ObjectNode) PLUGINS.yaml().readTree(text.replaceAll("(?<=[\\s{:])data/", data + "/"));
    spec.set("backbone", PLUGINS.yaml().readTree("{arch: resnet18, width: 8, outputStride: 8}"));
    spec.set("schedule", PLUGINS.yaml().readTree("{epochs: 1, batchSize: 8, lr: 0.01, backboneLrMult: 0.1}"));
    ((ObjectNode) spec.get("data")).put("imageSize", 32);
    ((ObjectNode) spec.get("eval")).put("overlays", 2);
    ExperimentSpec parsed =
        new SpecReader(PLUGINS).parse(PLUGINS.yaml().writeValueAsString(spec), false, "rfga cub row");
    Path run = dir.resolve("run");
    new ExperimentRunner(PLUGINS, System.err, true).start(parsed, run);

    JsonNode wsol = PLUGINS.json().readTree(run.resolve("metrics.json").toFile()).path("metrics").path("wsol");
    // the protocol's keys are maxima on the test split; the held-out threshold's numbers are apart
    assertThat(wsol.path("atHeldOutThreshold").path("threshold").asDouble(-1)).isBetween(0.0, 1.0);
    assertThat(wsol.path("atHeldOutThreshold").path("heldOutImages").asInt()).isPositive();
    assertThat(wsol.path("images").asInt()).isEqualTo(test.size());
    assertThat(wsol.path("maxBoxAccV2").asDouble(-1)).isBetween(0.0, 1.0);
    assertThat(run.resolve("attention/0000.png")).exists();
  }

  @Test
  void aHeldOutListNamingTheTestImagesDifferentlyIsStillRefused(@TempDir Path dir) throws Exception {
    // wsolevaluation's ids are relative to images/, CUB's own lists say images/...: the same files
    // under two spellings must still count as shared
    Path cub = dir.resolve("CUB_200_2011");
    new CubLayout().write(
        SyntheticConfig.builder().optTrainSize(12).optValSize(0).optTestSize(6).optNumClasses(2)
            .optImageSize(32).optSeed(6).build(), cub);
    DiskDatasetProvider reader = (DiskDatasetProvider) PLUGINS.datasets().get("cub");
    List<WsolMetadataWriter.Row> rows = new ArrayList<>();
    for (Entry e : reader.open(CubConfig.of(cub.toString()), Split.TEST).entries()) {
      rows.add(new WsolMetadataWriter.Row(e.id().substring("images/".length()), e.label(), e.boxes()));
    }
    WsolMetadataWriter.write(dir.resolve("meta"), rows, cub.resolve("images"));
    String yaml = """
        name: leak
        method: {type: rfga}
        backbone: {arch: resnet18, width: 8, outputStride: 8}
        data: {type: cub, root: '%s', imageSize: 32, splits: {val: {metadata: '%s'}}}
        schedule: {epochs: 1, batchSize: 4, lr: 0.01}
        eval: {metrics: [wsol], split: test, heldOut: val}
        """.formatted(cub, dir.resolve("meta"));
    ExperimentSpec spec = new SpecReader(PLUGINS).parse(yaml, false, "leak");
    try (Session s = new Session(PLUGINS, spec)) {
      assertThatThrownBy(() -> new Evaluator(s, 4).evaluate(spec.eval(), null))
          .isInstanceOf(FgaUserException.class)
          .hasMessageContaining("shares 6 of its images with the reported split 'test'");
    }
  }
}
