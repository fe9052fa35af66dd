package org.fga.bench.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.fga.core.error.FgaUserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reference rows from a harness's JSON lines: matching, last line per seed, stale lines refused, Welch Δ. */
class ReferenceResultsTest {
  @TempDir Path root;

  private Path harness(String body) throws Exception {
    Path h = root.resolve("references/x/run.py");
    Files.createDirectories(h.getParent());
    Files.writeString(h, body);
    return h;
  }

  private String line(long seed, String method, double top1, String sha) {
    return String.format(java.util.Locale.ROOT,
        "{\"seed\": %d, \"method\": \"%s\", \"epochs\": 12, \"harness\": \"references/x/run.py\", \"harnessSha256\": \"%s\", \"top1\": %s, \"GTKnownLoc\": 0.5}",
        seed, method, sha, top1);
  }

  @Test
  void readsTheMatchingLinesLastOnePerSeed() throws Exception {
    Path h = harness("print('ref')\n");
    String sha = ReferenceResults.sha256(h);
    Path file = root.resolve("results.jsonl");
    Files.write(file, List.of(
        line(0, "cal", 0.40, sha), line(1, "cal", 0.50, sha), line(0, "wsdan", 0.90, sha), "",
        line(0, "cal", 0.45, sha)));
    ReferenceResults r = ReferenceResults.read(file, Map.of("method", "cal", "epochs", 12), root);
    assertThat(r.values(List.of(0L, 1L, 2L), "accuracy.top1")).containsExactly(0.45, 0.50, Double.NaN);
    // the last part of the metric path, case ignored
    assertThat(r.values(List.of(1L), "wsol.gtKnownLoc")).containsExactly(0.5);
    assertThat(ReferenceResults.read(file, Map.of("epochs", 20), root).values(List.of(0L), "accuracy.top1"))
        .as("no line of that recipe").containsExactly(Double.NaN);
  }

  @Test
  void aNumberSharingItsNameWithAnotherIsReadOnlyByItsOwnKey() throws Exception {
    Path h = harness("print('ref')\n");
    Path file = root.resolve("results.jsonl");
    Files.write(file, List.of(line(0, "cal", 0.40, ReferenceResults.sha256(h))));
    ReferenceResults r = ReferenceResults.read(file, Map.of(), root);
    // the line's top1 is the last epoch's (or retrieval's): never the best epoch's or the probe's
    for (String path : List.of("bestEpoch.accuracy.top1", "linearProbe.top1")) {
      assertThatThrownBy(() -> r.values(List.of(0L), path))
          .isInstanceOf(FgaUserException.class)
          .hasMessageContaining("no number '" + path + "'")
          .hasMessageContaining("resultsKey");
    }
    assertThat(r.values(List.of(0L), "GTKnownLoc")).as("a resultsKey is the key itself").containsExactly(0.5);
  }

  @Test
  void aLineOfAnotherHarnessVersionIsRefusedAsStale() throws Exception {
    Path h = harness("print('ref')\n");
    String sha = ReferenceResults.sha256(h);
    Path file = root.resolve("results.jsonl");
    Files.write(file, List.of(line(2, "cal", 0.4, sha)));
    Files.writeString(h, "print('changed')\n");
    assertThatThrownBy(() -> ReferenceResults.read(file, Map.of(), root))
        .isInstanceOf(FgaUserException.class).hasMessageContaining("stale").hasMessageContaining("seed 2")
        .hasMessageContaining("results.jsonl, line 1");
    Files.write(file, List.of("{\"seed\": 0, \"top1\": 0.3}"));
    assertThatThrownBy(() -> ReferenceResults.read(file, Map.of(), root))
        .isInstanceOf(FgaUserException.class).hasMessageContaining("harnessSha256");
    Files.write(file, List.of("{\"seed\": 0, "));
    assertThatThrownBy(() -> ReferenceResults.read(file, Map.of(), root))
        .isInstanceOf(FgaUserException.class).hasMessageContaining("not JSON");
    assertThatThrownBy(() -> ReferenceResults.read(root.resolve("none.jsonl"), Map.of(), root))
        .isInstanceOf(FgaUserException.class).hasMessageContaining("no reference results yet");
  }

  @Test
  void aResultsCellNeedsNoSpecAndTakesNoOverrides() {
    assertThat(new TableSpec.Cell(null, null, null, null, "r.jsonl", Map.of("method", "cal")).isReferenceResults()).isTrue();
    assertThatThrownBy(() -> new TableSpec.Cell("a.yaml", null, null, null, "r.jsonl", null))
        .hasMessageContaining("exactly one");
    assertThatThrownBy(() -> new TableSpec.Cell(null, List.of("a=1"), null, null, "r.jsonl", null))
        .hasMessageContaining("overrides");
  }

  @Test
  void theDifferenceAgainstAReferenceRowIsWelchsWithItsInterval() {
    double[] ours = {60, 62, 61};
    double[] ref = {58, 59, 63, 57};
    TableReport.Stats s = TableReport.stats(ours, null, ref, true);
    assertThat(s.test()).isEqualTo("Welch");
    // by hand: means 61 and 59.25; variances 1 and 6.9167; Welch-Satterthwaite df
    double va = 1.0 / 3;
    double vb = (Math.pow(58 - 59.25, 2) + Math.pow(59 - 59.25, 2) + Math.pow(63 - 59.25, 2) + Math.pow(57 - 59.25, 2)) / 3 / 4;
    double df = Math.pow(va + vb, 2) / (va * va / 2 + vb * vb / 3);
    double half = new TDistribution(df).inverseCumulativeProbability(0.975) * Math.sqrt(va + vb);
    assertThat(s.vsReference()).isCloseTo(1.75, within(1e-12));
    assertThat(s.vsReferenceLow()).isCloseTo(1.75 - half, within(1e-9));
    assertThat(s.vsReferenceHigh()).isCloseTo(1.75 + half, within(1e-9));
    // same seeds on both sides, not a reference harness: paired, the interval of the differences
    TableReport.Stats paired = TableReport.stats(new double[] {60, 62, 61}, null, new double[] {58, 59, 63});
    assertThat(paired.test()).isEqualTo("paired t");
    assertThat(paired.vsReference()).isCloseTo(1.0, within(1e-12));
  }
}
