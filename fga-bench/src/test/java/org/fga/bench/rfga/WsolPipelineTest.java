package org.fga.bench.rfga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.fga.bench.layout.ImageFolderLayout;
import org.fga.datasets.synthetic.SyntheticConfig;
import org.fga.core.error.FgaUserException;
import org.fga.core.evaluate.Evaluator;
import org.fga.core.plugin.Plugins;
import org.fga.core.run.ExperimentRunner;
import org.fga.core.spec.EvalSpec;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.SpecReader;
import org.fga.core.train.Session;
import org.fga.eval.plugin.WsolMetricConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WSOL pipeline end to end on a tiny synthetic set: train rfga, collect maps on test and on
 * the held-out split, score with wsol (threshold from held-out), write overlays with the true box
 * in green and the predicted box in red.
 */
class WsolPipelineTest {
  static final Plugins PLUGINS = Plugins.load();

  static final String SPEC = """
      name: rfga-pipeline
      method: {type: rfga}
      backbone: {arch: resnet18, width: 8, outputStride: 8}
      data: {type: synthetic, task: classification, imageSize: 32, numClasses: 2, trainSize: 32,
             valSize: 16, testSize: 16, seed: 3}
      schedule: {epochs: 1, batchSize: 8, lr: 0.01}
      eval: {metrics: [accuracy, wsol], heldOut: val, overlays: 2}
      """;

  @Test
  void trainsScoresOnTestAtTheHeldOutThresholdAndDrawsBothBoxes(@TempDir Path dir) throws Exception {
    ExperimentSpec spec = new SpecReader(PLUGINS).parse(SPEC, false, "pipeline");
    new ExperimentRunner(PLUGINS, System.err, true).start(spec, dir);

    JsonNode wsol = PLUGINS.json().readTree(dir.resolve("metrics.json").toFile()).path("metrics").path("wsol");
    // the protocol's keys are maxima on the test split; the held-out threshold's numbers are apart
    assertThat(wsol.path("atHeldOutThreshold").path("threshold").asDouble(-1)).isBetween(0.0, 1.0);
    assertThat(wsol.path("atHeldOutThreshold").path("heldOutImages").asInt()).isPositive();
    assertThat(wsol.path("images").asInt()).isEqualTo(16);
    for (String key : List.of("maxBoxAccV2", "gtKnownLoc", "top1Loc", "bestThreshold")) {
      assertThat(wsol.path(key).asDouble(-1)).as(key).isBetween(0.0, 1.0);
    }

    BufferedImage overlay = ImageIO.read(dir.resolve("attention/0000.png").toFile());
    assertThat(overlay.getWidth()).isEqualTo(64);
    assertThat(count(overlay, 0x00FF00)).as("green (true box) pixels").isPositive();
    assertThat(count(overlay, 0xFF0000)).as("red (predicted box) pixels").isPositive();
  }

  @Test
  void refusesAHeldOutSplitThatIsTheReportedOne() {
    ExperimentSpec spec = new SpecReader(PLUGINS).parse(SPEC, false, "pipeline");
    try (Session s = new Session(PLUGINS, spec)) {
      assertThatThrownBy(() -> new Evaluator(s, 8).evaluate(new EvalSpec(List.of(WsolMetricConfig.defaults()), "test", "test", 0, null, null, null), null))
          .isInstanceOf(FgaUserException.class)
          .hasMessageContaining("eval.heldOut");
    }
  }

  @Test
  void refusesAHeldOutSplitThatSharesImagesWithTheReportedOne(@TempDir Path dir) throws Exception {
    // No test/ folder: the imagefolder reader serves test from val/, so "val" and "test" differ in
    // name only.
    SyntheticConfig cfg =
        SyntheticConfig.builder().optTrainSize(8).optValSize(4).optTestSize(0).optImageSize(32).build();
    new ImageFolderLayout().write(cfg, dir.resolve("folder"));
    String yaml = SPEC.replace(
        "data: {type: synthetic, task: classification, imageSize: 32, numClasses: 2, trainSize: 32,\n"
            + "       valSize: 16, testSize: 16, seed: 3}",
        "data: {type: imagefolder, root: '" + dir.resolve("folder") + "', imageSize: 32}");
    ExperimentSpec spec = new SpecReader(PLUGINS).parse(yaml, false, "pipeline");
    try (Session s = new Session(PLUGINS, spec)) {
      assertThatThrownBy(() -> new Evaluator(s, 8).evaluate(new EvalSpec(List.of(WsolMetricConfig.defaults()), "test", "val", 0, null, null, null), null))
          .isInstanceOf(FgaUserException.class)
          .hasMessageContaining("shares 4 of its images with the reported split 'test'");
    }
  }

  private static int count(BufferedImage img, int rgb) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        n += (img.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
      }
    }
    return n;
  }
}
