package org.fga.bench.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fga.core.plugin.Plugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reference row and fga's rows compare two trainings only if both started from the same backbone
 * weights: {@code fga table} warns when the reference lines' {@code weightsSha256} is not the hash
 * of the file fga's finished runs loaded.
 */
class ReferenceWeightsTest {
  private static final Plugins PLUGINS = Plugins.load();
  @TempDir Path root;

  private String collect(Path fgaWeights, String referenceWeightsSha) throws Exception {
    return collectWithField(fgaWeights, ", \"weightsSha256\": \"" + referenceWeightsSha + "\"");
  }

  /** The table's log when the reference line carries {@code weightsField} (JSON, or nothing). */
  private String collectWithField(Path fgaWeights, String weightsField) throws Exception {
    Path harness = root.resolve("run.py");
    Files.writeString(harness, "print('ref')\n");
    Path results = root.resolve("results.jsonl");
    Files.writeString(results, String.format(
        "{\"seed\": 0, \"harness\": \"%s\", \"harnessSha256\": \"%s\"%s, \"top1\": 0.5}%n",
        harness.toAbsolutePath(), ReferenceResults.sha256(harness), weightsField));
    Path tableFile = root.resolve("table.yaml");
    Files.writeString(tableFile, """
        title: t
        seeds: [0]
        reference: reference code
        columns: [{name: top-1, metric: accuracy.top1}]
        rows:
          - {label: reference code, cells: {top-1: {results: results.jsonl, match: {}}}}
          - {label: fga, cells: {top-1: {spec: unused.yaml}}}
        """);
    TableSpec table = PLUGINS.yaml().readValue(tableFile.toFile(), TableSpec.class);
    Path run = Files.createDirectories(root.resolve("runs/fga-s0"));
    Files.writeString(run.resolve("metrics.json"), "{\"metrics\": {\"accuracy\": {\"top1\": 0.4}}}");
    Files.writeString(run.resolve("spec.resolved.yaml"), "backbone: {arch: resnet18, weights: \"" + fgaWeights.toAbsolutePath() + "\"}\n");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    double[][][] v = new TableRunner(PLUGINS, new PrintStream(log, true, StandardCharsets.UTF_8), true)
        .collect(List.of(new TableRunner.Job(1, 0, 0, null, run, null)), table, tableFile);
    assertThat(v[0][0][0]).isEqualTo(50.0, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(v[1][0][0]).isEqualTo(40.0, org.assertj.core.api.Assertions.within(1e-9));
    return log.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theSameWeightsFileOnBothSidesSaysNothing() throws Exception {
    Path weights = Files.writeString(root.resolve("a.safetensors"), "weights a");
    assertThat(collect(weights, ReferenceResults.sha256(weights))).isEmpty();
  }

  @Test
  void anotherWeightsFileOnTheFgaSideIsNamedInOneLine() throws Exception {
    Path a = Files.writeString(root.resolve("a.safetensors"), "weights a");
    Path b = Files.writeString(root.resolve("b.safetensors"), "weights b");
    String log = collect(b, ReferenceResults.sha256(a));
    assertThat(log.lines()).hasSize(1);
    assertThat(log).contains("warning").contains(ReferenceResults.sha256(a).substring(0, 12))
        .contains(ReferenceResults.sha256(b).substring(0, 12)).contains("not the same starting point");
  }

  @Test
  void aWeightsFileThatIsNotThereIsSaidNotSkipped() throws Exception {
    Path a = Files.writeString(root.resolve("a.safetensors"), "weights a");
    String log = collect(root.resolve("gone.safetensors"), ReferenceResults.sha256(a));
    assertThat(log).contains("cannot check the backbone weights").contains("gone.safetensors");
  }

  @Test
  void aHarnessThatRecordsNoWeightsHashIsNotCheckedAgainst() throws Exception {
    Path b = Files.writeString(root.resolve("b.safetensors"), "weights b");
    assertThat(collectWithField(b, "")).isEmpty();
  }
}
