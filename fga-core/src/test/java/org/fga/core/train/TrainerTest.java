package org.fga.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.nn.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fga.core.error.FgaUserException;
import org.fga.core.evaluate.Evaluator;
import org.fga.core.plugin.Plugins;
import org.fga.core.rundir.RunDir;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.SpecReader;
import org.fga.core.testing.TestPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
  static final Plugins PLUGINS = TestPlugins.load();

  static ExperimentSpec spec(int epochs, String extraData) {
    String yaml =
        """
        name: toy
        method: {type: baseline}
        backbone: {arch: tiny}
        data: {type: squares, size: 64%s}
        schedule: {epochs: %d, batchSize: 8, lr: 0.05, lrSchedule: cosine, warmupEpochs: 0.5, logEvery: 1}
        eval: {metrics: []}
        seed: 3
        """
            .formatted(extraData, epochs);
    return new SpecReader(PLUGINS).parse(yaml, false, "toy.yaml");
  }

  @Test
  void scheduleShuffleFalseTakesTheTrainingSplitInOrderEveryEpochAndIsWrittenOnlyWhenSet(@TempDir Path dir) throws Exception {
    ExperimentSpec shuffled = spec(1, "");
    ExperimentSpec inOrder = shuffled.withSchedule(
        PLUGINS.yaml().readValue("{epochs: 1, batchSize: 8, lr: 0.05, shuffle: false}", org.fga.core.spec.ScheduleSpec.class));
    int[] identity = java.util.stream.IntStream.range(0, 64).toArray();
    try (Session s = new Session(PLUGINS, inOrder);
        BatchLoader loader = Trainer.builder().setSession(s).setRunDir(new RunDir(dir)).optQuiet(true).build().newLoader()) {
      assertThat(loader.order(0)).containsExactly(identity);
      assertThat(loader.order(5)).containsExactly(identity);
    }
    try (Session s = new Session(PLUGINS, shuffled);
        BatchLoader loader = Trainer.builder().setSession(s).setRunDir(new RunDir(dir)).optQuiet(true).build().newLoader()) {
      assertThat(loader.order(0)).isNotEqualTo(identity);
    }
    assertThat(PLUGINS.yaml().writeValueAsString(shuffled.schedule())).doesNotContain("shuffle");
    assertThat(PLUGINS.yaml().writeValueAsString(inOrder.schedule())).contains("shuffle: false");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PLUGINS.yaml().readValue(
            "{batchSize: 8, instancesPerIdentity: 4, shuffle: false}", org.fga.core.spec.ScheduleSpec.class))
        .hasMessageContaining("shuffle false cannot apply with instancesPerIdentity");
  }

  static List<float[]> train(ExperimentSpec spec, Path dir) {
    try (Session s = new Session(PLUGINS, spec)) {
      Trainer.builder().setSession(s).setRunDir(new RunDir(dir)).optQuiet(true).build().fit();
      return snapshot(s);
    }
  }

  static List<float[]> snapshot(Session s) {
    List<float[]> out = new ArrayList<>();
    for (Parameter p : s.method().block().getParameters().values()) {
      out.add(p.getArray().toFloatArray());
    }
    return out;
  }

  @Test
  void lossFallsAndTheModelLearnsTheToyTask(@TempDir Path dir) throws Exception {
    ExperimentSpec spec = spec(6, "");
    try (Session s = new Session(PLUGINS, spec)) {
      Trainer.Result r =
          Trainer.builder().setSession(s).setRunDir(new RunDir(dir)).optQuiet(true).build().fit();
      assertThat(r.steps()).isEqualTo(6 * 8);
      List<String> log = Files.readAllLines(dir.resolve("train.jsonl"));
      assertThat(log).hasSize(48);
      assertThat(log.get(0)).contains("\"epoch\":0", "\"step\":1", "\"cls\"", "\"lr\"", "\"imagesPerSec\"");
      double first = mean(log.subList(0, 8));
      double last = mean(log.subList(40, 48));
      assertThat(last).isLessThan(first * 0.7);
      var outputs = new Evaluator(s, 16).collect(org.fga.core.data.Split.TEST,
          new org.fga.core.metric.EvalNeeds(true, false, true, false), null);
      int correct = 0;
      for (int i = 0; i < outputs.size(); i++) {
        float[] l = outputs.logits()[i];
        correct += (l[1] > l[0] ? 1 : 0) == outputs.labels()[i] ? 1 : 0;
      }
      assertThat(correct / (double) outputs.size()).isGreaterThan(0.8);
      assertThat(outputs.maps()[0]).hasNumberOfRows(16);
      assertThat(outputs.maps()[0][0]).hasSize(16);
    }
    assertThat(Checkpoint.latest(dir.resolve("checkpoints"))).hasFileName("epoch-0006.ckpt");
    try (var files = Files.list(dir.resolve("checkpoints"))) {
      assertThat(files.count()).isEqualTo(2); // older checkpoints are pruned
    }
  }

  private static double mean(List<String> lines) {
    return lines.stream()
        .mapToDouble(l -> Double.parseDouble(l.replaceAll(".*\"loss\":([-0-9.eE]+).*", "$1")))
        .average()
        .orElseThrow();
  }

  @Test
  void aBackboneKeyTheArchitectureHasNoUseForIsRefusedWhenTheSessionIsBuilt() {
    String yaml =
        """
        name: toy
        method: {type: baseline}
        backbone: {arch: tiny, outputStride: 16, stemPool: false}
        data: {type: squares, size: 16}
        schedule: {epochs: 1, batchSize: 8, lr: 0.05}
        eval: {metrics: []}
        """;
    ExperimentSpec spec = new SpecReader(PLUGINS).parse(yaml, false, "toy.yaml");
    assertThatThrownBy(() -> new Session(PLUGINS, spec).close())
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("backbone.stemPool: false applies to architectures whose stem ends with a max-pool")
        .hasMessageContaining("tiny has none");
  }

  @Test
  void sameSpecAndSeedGiveBitIdenticalWeights(@TempDir Path a, @TempDir Path b) {
    List<float[]> x = train(spec(2, ""), a);
    List<float[]> y = train(spec(2, ""), b);
    for (int i = 0; i < x.size(); i++) {
      assertThat(y.get(i)).as("parameter %d", i).containsExactly(x.get(i));
    }
  }

  @Test
  void resumingAnInterruptedRunEqualsAnUninterruptedOne(@TempDir Path straight, @TempDir Path broken)
      throws Exception {
    List<float[]> expected = train(spec(3, ""), straight);
    // The interrupted run: epoch 1 completes and is checkpointed, then the process "dies" in
    // epoch 2 (its partial log lines stay behind, as after kill -9).
    train(spec(3, ""), broken);
    Files.delete(broken.resolve("checkpoints/epoch-0003.ckpt"));
    Files.delete(broken.resolve("checkpoints/epoch-0002.ckpt"));
    try (Session s = new Session(PLUGINS, spec(3, ""))) {
      Trainer.builder().setSession(s).setRunDir(new RunDir(broken)).optQuiet(true).build().fit();
      List<float[]> got = snapshot(s);
      for (int i = 0; i < expected.size(); i++) {
        assertThat(got.get(i)).as("parameter %d", i).containsExactly(expected.get(i));
      }
    }
    assertThat(stripSpeed(Files.readAllLines(broken.resolve("train.jsonl"))))
        .containsExactlyElementsOf(stripSpeed(Files.readAllLines(straight.resolve("train.jsonl"))));
  }

  /** Log lines without the throughput, which is the one field that depends on the machine. */
  private static List<String> stripSpeed(List<String> lines) {
    return lines.stream().map(l -> l.replaceAll(",\"imagesPerSec\":[0-9.Ee-]+", "")).toList();
  }

  @Test
  void aNanLossStopsTheRunWithAClearMessageAndKeepsTheLastCheckpoint(@TempDir Path dir) {
    // sample 0 of the training split carries a NaN pixel: whichever step draws it fails
    ExperimentSpec spec = spec(2, ", nanAt: 0");
    try (Session s = new Session(PLUGINS, spec)) {
      Trainer t = Trainer.builder().setSession(s).setRunDir(new RunDir(dir)).optQuiet(true).build();
      assertThatThrownBy(t::fit)
          .isInstanceOf(FgaUserException.class)
          .hasMessageContaining("loss is NaN at epoch 1")
          .hasMessageContaining("last good checkpoint: none");
    }
  }

  @Test
  void arraysDoNotAccumulateAcrossSteps(@TempDir Path dir) {
    // the optimiser's state manager lives only during fit(): sample while training
    java.util.Map<Long, Integer> live = new java.util.HashMap<>();
    try (Session s = new Session(PLUGINS, spec(4, ""))) {
      Trainer.builder().setSession(s).setRunDir(new RunDir(dir)).optQuiet(true)
          .optStepListener((step, ns, terms) -> live.put(step, s.manager().getManagedArrays().size()))
          .build().fit();
    }
    assertThat(live.get(32L)).isEqualTo(live.get(2L)).isPositive();
  }

}
