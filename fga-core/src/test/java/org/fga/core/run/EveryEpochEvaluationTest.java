package org.fga.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fga.core.error.FgaUserException;
import org.fga.core.evaluate.EpochEvaluations;
import org.fga.core.plugin.Plugins;
import org.fga.core.rundir.JsonLinesLog;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.SpecReader;
import org.fga.core.testing.CountingMetric;
import org.fga.core.testing.TestPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval.everyEpoch}: one evaluation per epoch, the best epoch chosen by {@code selectBy}, and
 * training left exactly as it is without it.
 */
class EveryEpochEvaluationTest {
  static final Plugins PLUGINS = TestPlugins.load();
  static final ObjectMapper JSON = org.fga.core.io.Mappers.json();

  static ExperimentSpec spec(String eval) {
    return spec(eval, 3);
  }

  static ExperimentSpec spec(String eval, int epochs) {
    String yaml =
        """
        name: toy
        method: {type: baseline}
        backbone: {arch: tiny}
        data: {type: squares, size: 48}
        schedule: {epochs: %d, batchSize: 8, lr: 0.05, logEvery: 1}
        eval: %s
        seed: 5
        """
            .formatted(epochs, eval);
    return new SpecReader(PLUGINS).parse(yaml, false, "toy.yaml");
  }

  static ObjectNode run(ExperimentSpec spec, Path dir) {
    return new ExperimentRunner(PLUGINS, System.err, true).runOrReuse(spec, dir);
  }

  @Test
  void everyEpochIsScoredTheLastAsTheRunAndTheBestIsTheHighest(@TempDir Path dir) throws Exception {
    CountingMetric.reset();
    ObjectNode out = run(spec("{metrics: [accuracy, counting], everyEpoch: true, overlays: 0}"), dir);
    // one evaluation per epoch: the last epoch's is the run's own, not a second one
    assertThat(CountingMetric.CALLS.get()).isEqualTo(3);
    List<JsonNode> lines = JsonLinesLog.read(dir.resolve("eval-epochs.jsonl"));
    assertThat(lines).extracting(l -> l.path("epoch").asInt()).containsExactly(1, 2, 3);
    assertThat(out.path("metrics").path("accuracy").isObject()).isTrue();
    assertThat(lines.get(2).path("metrics").path("accuracy")).isEqualTo(out.path("metrics").path("accuracy"));
    double max = lines.stream().mapToDouble(l -> l.path("metrics").path("accuracy").path("top1").asDouble()).max().orElseThrow();
    JsonNode best = out.path("metrics").path("bestEpoch");
    assertThat(best.path("accuracy").path("top1").asDouble()).isEqualTo(max);
    assertThat(lines.get(best.path("epoch").asInt() - 1).path("metrics").path("accuracy").path("top1").asDouble()).isEqualTo(max);
    assertThat(best.path("selectBy").asText()).isEqualTo("accuracy.top1");
    // the report draws the per-epoch numbers with the chosen epoch circled
    assertThat(Files.readString(dir.resolve("report.html"))).contains("accuracy.top1 per epoch").containsOnlyOnce("<circle");
  }

  @Test
  void scoringEveryEpochChangesNothingInTraining(@TempDir Path plain, @TempDir Path scored) throws Exception {
    ObjectNode a = run(spec("{metrics: [accuracy], overlays: 0}"), plain);
    ObjectNode b = run(spec("{metrics: [accuracy], everyEpoch: true, overlays: 0}"), scored);
    // an evaluation that trained BN statistics or drew from the training's random numbers would
    // move the loss curve and the last epoch's accuracy
    assertThat(stripSpeed(Files.readAllLines(scored.resolve("train.jsonl"))))
        .containsExactlyElementsOf(stripSpeed(Files.readAllLines(plain.resolve("train.jsonl"))));
    assertThat(b.path("metrics").path("accuracy")).isEqualTo(a.path("metrics").path("accuracy"));
    assertThat(Files.exists(plain.resolve("eval-epochs.jsonl"))).isFalse();
    assertThat(a.path("metrics").has("bestEpoch")).isFalse();
    assertThat(Files.readString(plain.resolve("report.html"))).doesNotContain("per epoch");
  }

  @Test
  void aRunKilledDuringAnEpochsEvaluationResumesToTheUninterruptedRunsLines(@TempDir Path straight, @TempDir Path broken)
      throws Exception {
    run(spec("{metrics: [accuracy, counting], everyEpoch: true, overlays: 0}", 4), straight);
    // killed while epoch 3 was being scored: checkpoints 1 and 2 are on disk, 3 never was
    CountingMetric.reset();
    ExperimentSpec killed = spec("{metrics: [accuracy, {type: counting, failAt: 3}], everyEpoch: true, overlays: 0}", 4);
    assertThatThrownBy(() -> run(killed, broken)).hasMessageContaining("killed during evaluation 3");
    assertThat(broken.resolve("checkpoints/epoch-0002.ckpt")).exists();
    assertThat(broken.resolve("checkpoints/epoch-0003.ckpt")).doesNotExist();
    // what else a kill may leave: a line for the epoch being retrained and a torn one
    Files.writeString(broken.resolve("eval-epochs.jsonl"),
        "{\"epoch\":3,\"metrics\":{\"accuracy\":{\"top1\":2.0}}}\n{\"epoch\":4,\"metrics\":{\"acc",
        java.nio.file.StandardOpenOption.APPEND);
    ObjectNode resumed = run(killed, broken); // resumes from epoch 2: its evaluations are calls 4 and 5
    assertThat(accuracyPerEpoch(broken)).containsExactlyElementsOf(accuracyPerEpoch(straight)).hasSize(4);
    assertThat(stripSpeed(Files.readAllLines(broken.resolve("train.jsonl"))))
        .containsExactlyElementsOf(stripSpeed(Files.readAllLines(straight.resolve("train.jsonl"))));
    assertThat(resumed.path("metrics").path("bestEpoch").path("accuracy").path("top1").asDouble()).isLessThanOrEqualTo(1.0);
  }

  private static List<String> accuracyPerEpoch(Path dir) {
    return JsonLinesLog.read(dir.resolve("eval-epochs.jsonl")).stream()
        .map(l -> l.path("epoch").asInt() + " " + l.path("metrics").path("accuracy")).toList();
  }

  @Test
  void theBestIsNeverChosenFromASubsetOfTheEpochsAndAnUndefinedEpochIsPassedOver(@TempDir Path dir) {
    EpochEvaluations e = new EpochEvaluations(dir.resolve("e.jsonl"), JSON);
    e.write(1, Map.of("accuracy", Map.of("top1", Double.NaN)));
    e.write(2, Map.of("accuracy", Map.of("top1", 0.4)));
    e.write(3, Map.of("accuracy", Map.of("top1", 0.3)));
    assertThat(e.best("accuracy.top1", 3).path("epoch").asInt()).isEqualTo(2);
    assertThatThrownBy(() -> e.best("accuracy.top1", 4))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("no evaluation of epoch(s) [4] of 4");
  }

  @Test
  void theBestEpochIsTheFirstHighestOnTheChosenNumber(@TempDir Path dir) {
    EpochEvaluations e = new EpochEvaluations(dir.resolve("e.jsonl"), JSON);
    e.write(1, Map.of("accuracy", Map.of("top1", 0.5, "meanClassAccuracy", 0.9)));
    e.write(2, Map.of("accuracy", Map.of("top1", 0.7, "meanClassAccuracy", 0.1)));
    e.write(3, Map.of("accuracy", Map.of("top1", 0.6, "meanClassAccuracy", 0.2)));
    e.write(4, Map.of("accuracy", Map.of("top1", 0.7, "meanClassAccuracy", 0.3)));
    ObjectNode best = e.best("accuracy.top1", 4);
    assertThat(best.path("epoch").asInt()).isEqualTo(2);
    // every metric is the chosen epoch's, not each number's own best
    assertThat(best.path("accuracy").path("meanClassAccuracy").asDouble()).isEqualTo(0.1);
    assertThat(e.best("accuracy.meanClassAccuracy", 4).path("epoch").asInt()).isEqualTo(1);
  }

  @Test
  void aSelectByThatNamesNoNumberIsRefusedAfterTheFirstEpochNamingTheKeysThere(@TempDir Path dir) {
    assertThatThrownBy(() -> run(spec("{metrics: [accuracy], everyEpoch: true, selectBy: accuracy.top5, overlays: 0}"), dir))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("eval.selectBy: no metric 'accuracy.top5'")
        .hasMessageContaining("keys there: [top1]");
    assertThat(dir.resolve("checkpoints/epoch-0001.ckpt")).doesNotExist();
  }

  @Test
  void aSelectByOutsideTheScoredMetricsIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) {
    // the default accuracy.top1, under a spec that scores something else
    assertThatThrownBy(() -> run(spec("{metrics: [counting], everyEpoch: true, overlays: 0}"), dir.resolve("run")))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("eval.selectBy 'accuracy.top1' does not start with a scored metric; eval.metrics scores [counting]");
    assertThat(dir.resolve("run")).doesNotExist();
  }

  @Test
  void selectByWithoutEveryEpochIsRefusedWhenTheFileIsRead() {
    assertThatThrownBy(() -> spec("{metrics: [accuracy], selectBy: accuracy.top1}"))
        .hasMessageContaining("eval.selectBy 'accuracy.top1' chooses among per-epoch evaluations");
  }

  private static List<String> stripSpeed(List<String> lines) {
    return lines.stream().map(l -> l.replaceAll(",\"imagesPerSec\":[-0-9.eE]+", "")).toList();
  }
}
