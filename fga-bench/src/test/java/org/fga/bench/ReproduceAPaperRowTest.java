package org.fga.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fga.bench.layout.CubLayout;
import org.fga.core.plugin.Plugins;
import org.fga.datasets.synthetic.SyntheticConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Reproducing a paper row" ({@code docs/reproducing-papers.md}, linked from the README), followed
 * at reduced size as a researcher on a small machine would: CAL's CUB row with the one documented
 * resolution override ({@code -o data.imageSize=64}), a dry run, the run, then the row's table cut
 * to its CUB column; every output says what was changed. {@code DocsPagesTest} parses every command
 * the page shows.
 */
class ReproduceAPaperRowTest {
  static final Plugins PLUGINS = Plugins.load();
  static final Path ROW = Path.of("..", "configs", "cal", "cal_resnet101_cub.yaml");

  @Test
  void theCalCubRowAtSixtyFourPixelsScalesItsPipelineAndRecordsWhatWasChanged(@TempDir Path dir) throws Exception {
    Path root = dir.resolve("CUB_200_2011");
    new CubLayout().write(SyntheticConfig.builder().optImageSize(48).optSizeJitter(0.4).optNumClasses(3)
        .optTrainSize(12).optValSize(0).optTestSize(6).optSeed(11).build(), root);
    List<String> shrink = new ArrayList<>();
    for (String o : List.of("data.root=" + root, "backbone.weights=null", "backbone.arch=resnet18",
        "backbone.width=8", "data.imageSize=64", "schedule.batchSize=4", "schedule.epochs=1", "eval.overlays=1")) {
      shrink.add("-o");
      shrink.add(o);
    }

    // step 2: the dry run; the stated pipeline (resize 512, crop 448) is scaled by 64/448
    Cli dry = Cli.run(args(List.of("train", "--dry-run", ROW.toString()), shrink));
    assertThat(dry.exit()).as(dry.err()).isZero();
    assertThat(dry.err()).contains("fga: data.imageSize=64 scales the stated pipeline by 64/448: "
        + "pipeline.train[0].size [512, 512] -> [73, 73], pipeline.train[1].size 448 -> 64")
        .doesNotContain("warning");
    JsonNode report = PLUGINS.json().readTree(dry.out());
    assertThat(report.path("pipeline").path("test").toString())
        .contains("\"size\":[73,73]").contains("\"size\":[64,64]");
    assertThat(report.path("featureMaps").get(3).path("height").asInt()).isEqualTo(4); // 64 / 16 with last stride 1

    // step 3: the run; a ResNet-18 at 64 px is not cal_resnet101_cub, so it needs its own name
    Path runs = dir.resolve("runs");
    Cli refused = Cli.run(args(List.of("train", ROW.toString(), "--out", runs.toString(), "-q"), shrink));
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("changes the model or data of cal_resnet101_cub").contains("-o name=");
    List<String> named = new ArrayList<>(shrink);
    named.addAll(List.of("-o", "name=cal_resnet18-w8_cub_64px"));
    Cli run = Cli.run(args(List.of("train", ROW.toString(), "--out", runs.toString(), "-q"), named));
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode metrics = PLUGINS.json().readTree(runs.resolve("cal_resnet18-w8_cub_64px/metrics.json").toFile());
    assertThat(metrics.path("origin").path("overrides").toString())
        .contains("data.imageSize=64").contains("backbone.arch=resnet18");
    assertThat(Files.readString(runs.resolve("cal_resnet18-w8_cub_64px/spec.resolved.yaml")))
        .contains("size:\n    - 73\n    - 73");

    // the row's table, its CUB column only, shrunk the same way: marked as a modified subset
    Path out = dir.resolve("table");
    Cli table = Cli.run(args(List.of("table", Path.of("..", "configs", "cal", "tables", "fgvc.yaml").toString(),
        "--columns", "CUB", "--out", out.toString(), "-q"), shrink));
    assertThat(table.exit()).as(table.err()).isZero();
    for (String file : List.of("table-subset.md", "table-subset.html")) {
      assertThat(Files.readString(out.resolve(file))).as(file)
          .contains("modified: -o data.root=" + root)
          .contains("-o data.imageSize=64")
          .contains("subset of the table: columns CUB");
    }
    JsonNode cell = PLUGINS.json().readTree(out.resolve("CAL-ResNet-101__CUB-s0/metrics.json").toFile());
    assertThat(cell.path("origin").path("overrides").toString()).contains("data.imageSize=64");
  }

  private static String[] args(List<String> head, List<String> tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(tail);
    return all.toArray(String[]::new);
  }
}
