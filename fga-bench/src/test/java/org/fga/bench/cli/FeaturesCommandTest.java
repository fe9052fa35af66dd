package org.fga.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fga.core.data.Split;
import org.fga.core.evaluate.Evaluator;
import org.fga.core.io.Mappers;
import org.fga.core.io.Npy;
import org.fga.core.metric.EvalNeeds;
import org.fga.core.metric.EvalOutputs;
import org.fga.core.plugin.Plugins;
import org.fga.core.run.ExperimentRunner;
import org.fga.core.run.FeatureRequest;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.SpecReader;
import org.fga.core.train.Checkpoint;
import org.fga.core.train.Session;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.fga.bench.Cli;

/**
 * {@code fga features}: the export is the checkpoint's model as the run's metrics saw it, so {@code
 * fga eval reid} on it gives the run's own numbers, and another evaluator scores the same model.
 */
class FeaturesCommandTest {
  static final Plugins PLUGINS = Plugins.load();
  @TempDir static Path dir;
  static Path reidRun;

  static ExperimentSpec spec(String data, String metrics) {
    String yaml = """
        name: features
        method: {type: cal-reid, attentionMaps: 2, embeddingDim: 16}
        backbone: {arch: resnet18, width: 8, lastStride: 1}
        data: %s
        schedule: {epochs: 1, batchSize: 8, lr: 0.01%s}
        eval: {metrics: [%s]}
        seed: 0
        """.formatted(data, metrics.equals("reid") ? ", instancesPerIdentity: 2" : "", metrics);
    return new SpecReader(PLUGINS).parse(yaml, false, "features.yaml");
  }

  static final String REID_DATA = "{type: synthetic, task: reid, imageSize: 32, identities: 4, testIdentities: 3,"
      + " cameras: 2, trainSize: 16, testSize: 9, seed: 2}";

  @BeforeAll
  static void trainOneReidRun() {
    reidRun = dir.resolve("reid-run");
    quietRunner().start(spec(REID_DATA, "reid"), reidRun);
  }

  static ExperimentRunner quietRunner() {
    return new ExperimentRunner(PLUGINS, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), true);
  }

  @Test
  void fgaEvalReidOnTheExportGivesTheRunsOwnNumbers() throws Exception {
    Path export = dir.resolve("export-eval");
    Cli features = Cli.run("features", reidRun.toString(), "--out", export.toString());
    assertThat(features.exit()).as(features.err()).isEqualTo(0);
    JsonNode written = Mappers.json().readTree(features.out());
    assertThat(written.at("/parts/query/samples").asInt()).isPositive();
    String score = written.get("score").asText();
    assertThat(score).startsWith("fga eval reid ");

    Cli eval = Cli.run(score.substring("fga ".length()).split(" "));
    assertThat(eval.exit()).as(eval.err()).isEqualTo(0);
    JsonNode scored = Mappers.json().readTree(eval.out());
    JsonNode own = Mappers.json().readTree(reidRun.resolve("metrics.json").toFile()).at("/metrics/reid");
    assertThat(scored.get("mAP").asDouble()).isEqualTo(own.get("mAP").asDouble());
    assertThat(scored.get("cmc").get(0).asDouble()).isEqualTo(own.get("cmc").get(0).asDouble());
  }

  /** The exported rows are the checkpoint's features in dataset order, with their identities and cameras. */
  @Test
  void theExportIsTheCheckpointsFeaturesInDatasetOrder() throws Exception {
    Path export = dir.resolve("export-rows");
    quietRunner().features(reidRun, FeatureRequest.to(export));
    ExperimentSpec spec = new SpecReader(PLUGINS).read(reidRun.resolve("spec.resolved.yaml"), List.of());
    try (Session s = Session.restoring(PLUGINS, spec)) {
      Checkpoint.loadWeights(Checkpoint.latest(reidRun.resolve("checkpoints")), s);
      Evaluator ev = new Evaluator(s, 8);
      for (Split part : List.of(Split.QUERY, Split.GALLERY)) {
        EvalOutputs want = ev.collect(part, new EvalNeeds(false, true, false, false), null);
        String p = part.name().toLowerCase(java.util.Locale.ROOT);
        float[] got = Npy.read(export.resolve(p + "_features.npy")).toFloats();
        int d = want.embeddings()[0].length;
        assertThat(Npy.read(export.resolve(p + "_features.npy")).shape()).containsExactly(want.size(), d);
        for (int i = 0; i < want.size(); i++) {
          assertThat(java.util.Arrays.copyOfRange(got, i * d, (i + 1) * d)).as(p + " row " + i)
              .containsExactly(want.embeddings()[i]);
        }
        assertThat(Npy.read(export.resolve(p + "_labels.npy")).toInts()).containsExactly(want.labels());
        assertThat(Npy.read(export.resolve(p + "_cams.npy")).toInts()).containsExactly(want.cameras());
        assertThat(Files.readAllLines(export.resolve(p + "_images.txt"))).containsExactlyElementsOf(want.ids());
      }
    }
  }

  /** model.safetensors sets a fresh model to the checkpoint's: its features are the export's. */
  @Test
  void theModelFileLoadsBackIntoTheSameFeatures() throws Exception {
    Path export = dir.resolve("export-model");
    JsonNode j = quietRunner().features(reidRun, FeatureRequest.to(export).includingModel());
    assertThat(j.at("/parts/model").asText()).isEqualTo(export.resolve("model.safetensors").toString());
    ExperimentSpec spec = new SpecReader(PLUGINS).read(reidRun.resolve("spec.resolved.yaml"), List.of());
    try (Session s = Session.restoring(PLUGINS, spec)) {
      int set = PLUGINS.modelWeights().loadSome(s.method().block(), export.resolve("model.safetensors"));
      assertThat(set).isEqualTo(org.fga.backbones.weights.TorchModelWeights.names(s.method().block()).size());
      EvalOutputs q = new Evaluator(s, 8).collect(Split.QUERY, new EvalNeeds(false, true, false, false), null);
      float[] got = Npy.read(export.resolve("query_features.npy")).toFloats();
      int d = q.embeddings()[0].length;
      for (int i = 0; i < q.size(); i++) {
        assertThat(java.util.Arrays.copyOfRange(got, i * d, (i + 1) * d)).as("query row " + i)
            .containsExactly(q.embeddings()[i]);
      }
    }
  }

  /**
   * --weights: a whole model from a file (another code base's, converted) under the run's spec;
   * the model file of an export gives that export's features again, and a partial file is refused.
   */
  @Test
  void aWholeModelFileIsExportedUnderTheRunsSpecAndAPartialOneIsRefused() throws Exception {
    Path first = dir.resolve("export-first");
    quietRunner().features(reidRun, FeatureRequest.to(first).includingModel());
    Path again = dir.resolve("export-from-file");
    JsonNode j = quietRunner().features(reidRun, FeatureRequest.to(again).withWeights(first.resolve("model.safetensors")));
    assertThat(j.get("from").asText()).isEqualTo(first.resolve("model.safetensors").toString());
    for (String f : List.of("query_features.npy", "gallery_features.npy", "gallery_labels.npy")) {
      assertThat(Files.readAllBytes(again.resolve(f))).as(f).isEqualTo(Files.readAllBytes(first.resolve(f)));
    }

    java.util.Map<String, org.fga.core.io.NdArray> some = new java.util.LinkedHashMap<>();
    org.fga.backbones.weights.WeightFiles.read(first.resolve("model.safetensors")).entrySet().stream().limit(3)
        .forEach(e -> some.put(e.getKey(), e.getValue()));
    Path partial = dir.resolve("partial.safetensors");
    org.fga.backbones.weights.Safetensors.write(partial, some);
    Cli refused = Cli.run("features", reidRun.toString(), "--out", dir.resolve("export-partial").toString(),
        "--weights", partial.toString());
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("--weights " + partial + " sets 3 of the model's ", " parameters; a whole model is needed");
  }

  @Test
  void anExportIsNeverOverwrittenAndAWrongDirectoryIsNamed() throws Exception {
    Path export = dir.resolve("export-twice");
    assertThat(Cli.run("features", reidRun.toString(), "--out", export.toString()).exit()).isEqualTo(0);
    byte[] first = Files.readAllBytes(export.resolve("query_features.npy"));
    Files.delete(export.resolve("gallery_images.txt")); // a later file: still refused on the first one there
    Cli again = Cli.run("features", reidRun.toString(), "--out", export.toString());
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains(export.resolve("query_features.npy") + " exists; choose another --out");
    assertThat(Files.readAllBytes(export.resolve("query_features.npy"))).isEqualTo(first);

    Cli wrong = Cli.run("features", dir.toString(), "--out", dir.resolve("x").toString());
    assertThat(wrong.exit()).isEqualTo(2);
    assertThat(wrong.err()).contains("cannot export features of " + dir + ": no spec.resolved.yaml in it");
    assertThat(Files.exists(dir.resolve("x"))).isFalse();
  }

  @Test
  void aClassificationRunWritesItsReportedSplitWithClasses() throws Exception {
    Path cls = dir.resolve("cls-run");
    quietRunner().start(new SpecReader(PLUGINS).parse("""
        name: features-cls
        method: {type: baseline}
        backbone: {arch: resnet18, width: 8}
        data: {type: synthetic, task: classification, imageSize: 32, numClasses: 3, trainSize: 8, valSize: 4,
               testSize: 6, seed: 3}
        schedule: {epochs: 1, batchSize: 4, lr: 0.01}
        eval: {metrics: [accuracy]}
        """, false, "cls.yaml"), cls);
    Path export = dir.resolve("export-cls");
    JsonNode j = quietRunner().features(cls, FeatureRequest.to(export).withSplit("val"));
    assertThat(j.has("score")).isFalse();
    assertThat(j.at("/parts/val/samples").asInt()).isEqualTo(4);
    assertThat(Npy.read(export.resolve("val_features.npy")).shape()[0]).isEqualTo(4);
    assertThat(java.util.Arrays.stream(Npy.read(export.resolve("val_labels.npy")).toInts()).boxed().toList()).allMatch(c -> c >= 0 && c < 3);
    assertThat(Files.exists(export.resolve("val_cams.npy"))).isFalse();
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> quietRunner().features(cls, FeatureRequest.to(dir.resolve("e2")).withSplit("tset"))))
        .hasMessage("unknown split 'tset'; known: [train, val, test, query, gallery]");
  }
}
