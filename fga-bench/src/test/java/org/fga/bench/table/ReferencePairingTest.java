package org.fga.bench.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fga.backbones.weights.Safetensors;
import org.fga.core.io.NdArray;
import org.fga.core.plugin.Plugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A harness's row is compared with fga's seed by seed only when every fga run of the row started
 * from that seed's reference draws (its init file says the reference line's seed, method and
 * reference); otherwise the two rows share no random stream and Welch's test stays.
 */
class ReferencePairingTest {
  private static final Plugins PLUGINS = Plugins.load();
  private static final double[] REFERENCE = {0.20, 0.50, 0.35};
  private static final double[] OURS = {0.21, 0.52, 0.36};
  @TempDir Path root;

  /** The table's fga-vs-reference stats and its log; {@code seedInFile} per seed (null: no init key). */
  private Object[] report(String[] seedInFile) throws Exception {
    Path harness = Files.writeString(root.resolve("run.py"), "print('ref')\n");
    StringBuilder lines = new StringBuilder();
    for (int s = 0; s < 3; s++) {
      lines.append(String.format("{\"seed\": %d, \"method\": \"rfga\", \"reference\": \"ku-milab/MoANA@abc\", \"harness\": \"%s\","
          + " \"harnessSha256\": \"%s\", \"top1\": %s}%n", s, harness.toAbsolutePath(), ReferenceResults.sha256(harness), REFERENCE[s]));
    }
    Files.writeString(root.resolve("results.jsonl"), lines);
    Path tableFile = Files.writeString(root.resolve("table.yaml"), """
        title: t
        seeds: [0, 1, 2]
        reference: reference code
        columns: [{name: top-1, metric: accuracy.top1}]
        rows:
          - {label: reference code, cells: {top-1: {results: results.jsonl, match: {method: rfga}}}}
          - {label: fga, cells: {top-1: {spec: unused.yaml}}}
        """);
    TableSpec table = PLUGINS.yaml().readValue(tableFile.toFile(), TableSpec.class);
    List<TableRunner.Job> jobs = new ArrayList<>();
    for (int s = 0; s < 3; s++) {
      Path run = Files.createDirectories(root.resolve("runs/fga-s" + s));
      Files.writeString(run.resolve("metrics.json"), "{\"metrics\": {\"accuracy\": {\"top1\": " + OURS[s] + "}}}");
      String init = seedInFile[s] == null ? "" : "init: {weights: \"" + root.toAbsolutePath() + "/init_s{seed}.safetensors\"}\n";
      Files.writeString(run.resolve("spec.resolved.yaml"), "backbone: {arch: resnet18}\n" + init);
      if (seedInFile[s] != null) {
        Safetensors.write(root.resolve("init_s" + s + ".safetensors"),
            Map.of("classifier.bias", NdArray.ofFloats("b", new int[] {1}, new float[] {0})),
            Map.of("seed", seedInFile[s], "method", "rfga", "reference", "ku-milab/MoANA@abc"));
      }
      jobs.add(new TableRunner.Job(1, 0, s, null, run, null));
    }
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    TableRunner runner = new TableRunner(PLUGINS, new PrintStream(log, true, StandardCharsets.UTF_8), true);
    TableReport report = new TableReport(table, runner.collect(jobs, table, tableFile), List.of(), null,
        runner.rowsPairedWithReferenceResults(jobs, table, tableFile));
    return new Object[] {report.cell(1, 0), log.toString(StandardCharsets.UTF_8)};
  }

  @Test
  void runsThatStartedFromEachSeedsReferenceDrawsArePairedBySeed() throws Exception {
    Object[] r = report(new String[] {"0", "1", "2"});
    TableReport.Stats s = (TableReport.Stats) r[0];
    assertThat(s.test()).isEqualTo("paired t");
    // differences +1, +2, +1 points: mean 1.33, half-width t(2) * 0.577 / sqrt(3) = 1.43
    assertThat(s.vsReference()).isCloseTo(4.0 / 3, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(s.vsReferenceHigh() - s.vsReference()).isCloseTo(4.303 * Math.sqrt(1.0 / 3) / Math.sqrt(3), org.assertj.core.api.Assertions.within(1e-3));
    assertThat((String) r[1]).isEmpty();
  }

  @Test
  void aRunWhoseFileIsAnotherSeedsDrawsLeavesTheRowUnpairedAndSaysSo() throws Exception {
    Object[] r = report(new String[] {"0", "2", "2"});
    assertThat(((TableReport.Stats) r[0]).test()).isEqualTo("Welch");
    assertThat((String) r[1]).contains("row 'fga' reads init.weights, but not every run's file is the reference line's draws");
  }

  @Test
  void aRowWhoseFilesAreAllAnotherSeedsIsNotSilentlyUnpaired() throws Exception {
    Object[] r = report(new String[] {"1", "2", "0"});
    assertThat(((TableReport.Stats) r[0]).test()).isEqualTo("Welch");
    assertThat((String) r[1]).contains("row 'fga' reads init.weights, but not every run's file");
  }

  @Test
  void runsWithoutInitWeightsStayUnpairedSilently() throws Exception {
    Object[] r = report(new String[] {null, null, null});
    assertThat(((TableReport.Stats) r[0]).test()).isEqualTo("Welch");
    assertThat((String) r[1]).isEmpty();
  }
}
