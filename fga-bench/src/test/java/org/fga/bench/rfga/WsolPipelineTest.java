package org.fga.bench.rfga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.AbstractModule;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.fga.backbones.BackbonesModule;
import org.fga.core.data.Box;
import org.fga.core.data.DataConfig;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.DatasetProvider;
import org.fga.core.data.FgaDataset;
import org.fga.core.data.FloatImage;
import org.fga.core.data.Sample;
import org.fga.core.data.Split;
import org.fga.core.data.Task;
import org.fga.core.error.FgaUserException;
import org.fga.core.evaluate.Evaluator;
import org.fga.core.plugin.ConfigTypes;
import org.fga.core.plugin.FgaModule;
import org.fga.core.plugin.PluginBinder;
import org.fga.core.plugin.Plugins;
import org.fga.core.run.ExperimentRunner;
import org.fga.core.spec.EvalSpec;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.SpecReader;
import org.fga.core.train.Session;
import org.fga.eval.EvalModule;
import org.fga.methods.rfga.RfgaModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WSOL pipeline end to end on a tiny boxed data set: train rfga, collect maps on test and on
 * the held-out split, score with wsol (threshold from held-out), write overlays with the true box
 * in green and the predicted box in red.
 */
class WsolPipelineTest {
  static final Plugins PLUGINS =
      Plugins.of(List.of(new RfgaModule(), new BackbonesModule(), new EvalModule(), new BoxedSquares()));

  static final String SPEC = """
      name: rfga-pipeline
      method: {type: rfga}
      backbone: {arch: resnet18, width: 8, outputStride: 8}
      data: {type: boxed-squares, imageSize: 32, size: 32}
      schedule: {epochs: 1, batchSize: 8, lr: 0.01}
      eval: {metrics: [accuracy, wsol], heldOut: val, overlays: 2}
      """;

  @Test
  void trainsScoresOnTestAtTheHeldOutThresholdAndDrawsBothBoxes(@TempDir Path dir) throws Exception {
    ExperimentSpec spec = new SpecReader(PLUGINS).parse(SPEC, false, "pipeline");
    new ExperimentRunner(PLUGINS, System.err, true).start(spec, dir);

    JsonNode wsol = PLUGINS.json().readTree(dir.resolve("metrics.json").toFile()).path("metrics").path("wsol");
    assertThat(wsol.path("thresholdSelection").asText()).isEqualTo("held-out");
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
      assertThatThrownBy(() -> new Evaluator(s, 8).evaluate(new EvalSpec(List.of("wsol"), "test", "test", 0), null))
          .isInstanceOf(FgaUserException.class)
          .hasMessageContaining("eval.heldOut");
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

  /** A square whose colour is the class, at a random place on noise, with its box; splits differ. */
  public static final class BoxedSquares extends AbstractModule implements FgaModule, DatasetProvider {
    @JsonTypeName("boxed-squares")
    public record Config(int imageSize, int size) implements DataConfig {}

    @Override
    protected void configure() {
      PluginBinder.of(binder()).dataset(BoxedSquares.class);
    }

    @Override
    public List<com.fasterxml.jackson.databind.Module> jacksonModules() {
      return List.of(ConfigTypes.of("boxed-squares", Config.class));
    }

    @Override
    public String name() {
      return "boxed-squares";
    }

    @Override
    public Class<? extends DataConfig> configType() {
      return Config.class;
    }

    @Override
    public FgaDataset open(DataConfig config, Split split) {
      Config c = (Config) config;
      int n = split == Split.TRAIN ? c.size() : c.size() / 2;
      DatasetInfo info = new DatasetInfo("boxed-squares", Task.CLASSIFICATION, 2, List.of("red", "blue"));
      return new FgaDataset() {
        @Override
        public DatasetInfo info() {
          return info;
        }

        @Override
        public int size() {
          return n;
        }

        @Override
        public Sample get(int i) {
          return square(split.ordinal() * 100_000 + i, c.imageSize());
        }
      };
    }

    static Sample square(int index, int size) {
      Random r = new Random(index * 7919L + 13);
      int label = index % 2;
      FloatImage img = FloatImage.zeros(3, size, size);
      for (int k = 0; k < img.data().length; k++) {
        img.data()[k] = r.nextFloat() * 0.3f;
      }
      int side = size / 3;
      int x0 = r.nextInt(size - side);
      int y0 = r.nextInt(size - side);
      for (int y = y0; y < y0 + side; y++) {
        for (int x = x0; x < x0 + side; x++) {
          img.set(label == 0 ? 0 : 2, y, x, 1f);
        }
      }
      return new Sample("sq" + index, img, label, null, List.of(new Box(x0, y0, x0 + side - 1, y0 + side - 1)),
          null, null, -1, -1);
    }
  }
}
