package org.fga.bench.cli.predict;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.fga.core.io.Npy;
import org.fga.core.io.NdArray;
import org.fga.bench.cli.FgaMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import org.fga.core.io.Mappers;

/**
 * {@code fga predict} end to end on fga-backbones' torchvision fixtures: a width-8 ResNet-18 made
 * by torchvision's blocks, and PNG files whose logits torchvision computed after its own
 * Resize(72) / CenterCrop(64) / Normalize.
 */
class PredictCommandTest {
  /** The fixtures live in the sibling module; Surefire runs in this module's directory. */
  private static final Path FIXTURES =
      Path.of("..", "fga-backbones", "src", "test", "resources", "torchvision");

  @TempDir Path tmp;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cli = FgaMain.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void logitsAndTopKMatchTorchvision() throws Exception {
    Path logits = tmp.resolve("logits.npy");
    Run r =
        run("predict", "--backbone", "resnet18", "--weights", FIXTURES.resolve("resnet18_w8.npz").toString(),
            "--num-classes", "10", "--resize", "72", "--crop", "64", "--topk", "3", "--json",
            "--dump-logits", logits.toString(),
            FIXTURES.resolve("photo_83x61.png").toString(),
            FIXTURES.resolve("tall_72x100.png").toString(),
            FIXTURES.resolve("gray_70x90.png").toString());
    assertThat(r.code()).as(r.err()).isZero();
    NdArray ours = Npy.read(logits);
    NdArray torchvision = Npy.read(FIXTURES.resolve("predict_logits.npy"));
    assertThat(ours.shape()).containsExactly(3, 10);
    float[] a = ours.toFloats();
    float[] b = torchvision.toFloats();
    double maxDiff = 0;
    double maxRef = 0;
    for (int i = 0; i < a.length; i++) {
      maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
      maxRef = Math.max(maxRef, Math.abs(b[i]));
    }
    assertThat(maxDiff / maxRef).isLessThan(1e-4);

    JsonNode json = Mappers.json().readTree(r.out());
    JsonNode preds = json.get("predictions");
    assertThat(preds).hasSize(3);
    assertThat(preds.get(1).get("image").asText()).endsWith("tall_72x100.png");
    JsonNode top = preds.get(0).get("top");
    assertThat(top).hasSize(3);
    int argmax = 0;
    for (int c = 1; c < 10; c++) {
      argmax = b[c] > b[argmax] ? c : argmax;
    }
    assertThat(top.get(0).get("class").asInt()).isEqualTo(argmax);
    assertThat(top.get(0).get("score").asDouble())
        .isGreaterThanOrEqualTo(top.get(1).get("score").asDouble())
        .isBetween(0.0, 1.0);
  }

  @Test
  void badInputExitsWithCodeTwoAndOneLine() {
    String w = FIXTURES.resolve("resnet18_w8.npz").toString();
    String img = FIXTURES.resolve("photo_83x61.png").toString();
    Run wrongClasses = run("predict", "--backbone", "resnet18", "--weights", w, "--topk", "1", img);
    assertThat(wrongClasses.code()).isEqualTo(2);
    assertThat(wrongClasses.err()).contains("fc.weight (model [1000, 64], file [10, 64])");
    Run unknown = run("predict", "--backbone", "resnet19", "--weights", w, img);
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown backbone 'resnet19'").contains("resnet18");
    Run wrongArch = run("predict", "--backbone", "vgg16", "--weights", w, img);
    assertThat(wrongArch.code()).isEqualTo(2);
    assertThat(wrongArch.err()).contains("features.0.weight");
    Run missingImage =
        run("predict", "--backbone", "resnet18", "--weights", w, "--num-classes", "10",
            "--topk", "2", tmp.resolve("nope.png").toString());
    assertThat(missingImage.code()).isEqualTo(2);
    assertThat(missingImage.err()).contains("image not found");
  }

  @Test
  void tableGoesToStderr() {
    Run r =
        run("predict", "--backbone", "resnet18", "--weights", FIXTURES.resolve("resnet18_w8.npz").toString(),
            "--num-classes", "10", "--resize", "72", "--crop", "64", "--topk", "2",
            FIXTURES.resolve("photo_83x61.png").toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("photo_83x61.png").contains(" 1. class").contains(" 2. class");
  }
}
