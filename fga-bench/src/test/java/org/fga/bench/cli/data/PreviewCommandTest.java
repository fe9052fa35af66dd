package org.fga.bench.cli.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.fga.bench.Cli;
import org.fga.core.io.Mappers;
import org.fga.core.io.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fga data preview}: the batches training would draw, written without training. */
class PreviewCommandTest {
  @TempDir Path dir;

  Path spec(String pipeline) throws Exception {
    Path f = dir.resolve("spec.yaml");
    Files.writeString(f, """
        name: preview
        method: {type: baseline}
        backbone: {arch: resnet18, width: 8}
        data: {type: synthetic, task: classification, imageSize: 32, numClasses: 3, trainSize: 12, valSize: 0,
               testSize: 3, seed: 3}
        %s
        schedule: {epochs: 2, batchSize: 4}
        eval: {metrics: [accuracy]}
        """.formatted(pipeline));
    return f;
  }

  @Test
  void writesTheDrawnBatchesNormalisedWithAGridAndRedrawsEachEpoch() throws Exception {
    Path s = spec("pipeline: {train: [{type: flip, p: 0.5}, {type: pad, padding: 4}, {type: randomCrop, size: [32, 32]}]}");
    Cli e0 = Cli.run("data", "preview", s.toString(), "--out", dir.resolve("e0").toString(), "--batches", "2");
    assertThat(e0.exit()).as(e0.err()).isZero();
    JsonNode j = Mappers.json().readTree(e0.out());
    assertThat(j.get("samples").asInt()).isEqualTo(8);
    assertThat(Npy.read(dir.resolve("e0/images.npy")).shape()).containsExactly(8, 3, 32, 32);
    assertThat(Files.readAllLines(dir.resolve("e0/samples.txt"))).hasSize(8);
    var grid = ImageIO.read(dir.resolve("e0/grid.png").toFile());
    assertThat(grid.getWidth()).isEqualTo(8 * 34);
    assertThat(grid.getHeight()).isEqualTo(34);
    // the padding is black in pixels, so -mean/std once normalised, where a crop shows it
    float[] px = Npy.read(dir.resolve("e0/images.npy")).toFloats();
    float black = -0.485f / 0.229f;
    assertThat(px).contains(black);

    Cli again = Cli.run("data", "preview", s.toString(), "--out", dir.resolve("e0b").toString(), "--batches", "2");
    assertThat(Files.readAllBytes(dir.resolve("e0b/images.npy"))).as("the same epoch draws the same")
        .isEqualTo(Files.readAllBytes(dir.resolve("e0/images.npy")));
    assertThat(again.exit()).isZero();
    Cli e1 = Cli.run("data", "preview", s.toString(), "--out", dir.resolve("e1").toString(), "--batches", "2", "--epoch", "1");
    assertThat(e1.exit()).isZero();
    // a sample drawn in both epochs is augmented anew, not with its epoch-0 draw again
    List<String> ids0 = Files.readAllLines(dir.resolve("e0/samples.txt"));
    List<String> ids1 = Files.readAllLines(dir.resolve("e1/samples.txt"));
    float[] px1 = Npy.read(dir.resolve("e1/images.npy")).toFloats();
    int size = 3 * 32 * 32;
    int shared = 0;
    int redrawn = 0;
    for (int i = 0; i < ids0.size(); i++) {
      int k = ids1.indexOf(ids0.get(i));
      if (k >= 0) {
        shared++;
        boolean same = java.util.Arrays.equals(java.util.Arrays.copyOfRange(px, i * size, (i + 1) * size),
            java.util.Arrays.copyOfRange(px1, k * size, (k + 1) * size));
        redrawn += same ? 0 : 1;
      }
    }
    assertThat(shared).as("samples drawn in both epochs").isGreaterThanOrEqualTo(4);
    assertThat(redrawn).as("of them augmented differently").isGreaterThanOrEqualTo(shared - 1);
  }

  @Test
  void anExistingPreviewIsNotOverwritten() throws Exception {
    Path s = spec("");
    assertThat(Cli.run("data", "preview", s.toString(), "--out", dir.resolve("p").toString()).exit()).isZero();
    byte[] before = Files.readAllBytes(dir.resolve("p/images.npy"));
    Cli twice = Cli.run("data", "preview", s.toString(), "--out", dir.resolve("p").toString());
    assertThat(twice.exit()).isEqualTo(2);
    assertThat(twice.err()).contains(dir.resolve("p/grid.png") + " exists; choose another --out");
    assertThat(Files.readAllBytes(dir.resolve("p/images.npy"))).isEqualTo(before);
    assertThat(List.of(Cli.run("data", "preview", s.toString(), "--out", dir.resolve("q").toString(), "--batches", "0").exit()))
        .containsExactly(2);
  }
}
