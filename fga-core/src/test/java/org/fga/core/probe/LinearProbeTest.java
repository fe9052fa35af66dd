package org.fga.core.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fga.core.error.FgaUserException;
import org.fga.core.plugin.Plugins;
import org.fga.core.rundir.RunDir;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.LinearProbeSpec;
import org.fga.core.spec.SpecReader;
import org.fga.core.testing.TestPlugins;
import org.fga.core.train.Checkpoint;
import org.fga.core.train.Session;
import org.fga.core.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The linear probe on the baseline over the tiny backbone (8 then 16 channels) and 32 px squares
 * whose colour is the class: features that a linear classifier can separate.
 */
class LinearProbeTest {
  static final Plugins PLUGINS = TestPlugins.load();

  static ExperimentSpec spec(String probe) {
    String yaml =
        """
        name: probe
        method: {type: baseline}
        backbone: {arch: tiny}
        data: {type: squares, imageSize: 32, size: 48}
        schedule: {epochs: 1, batchSize: 8, lr: 0.05}
        eval: {metrics: [], linearProbe: {epochs: 4, batchSize: 8, lr: 0.5, milestones: [3]%s}}
        seed: 5
        """
            .formatted(probe);
    return new SpecReader(PLUGINS).parse(yaml, false, "probe.yaml");
  }

  /** Every parameter of the method, BatchNorm running statistics included, by name. */
  static Map<String, float[]> snapshot(Session s) {
    Map<String, float[]> out = new LinkedHashMap<>();
    for (Pair<String, Parameter> p : s.method().block().getParameters()) {
      out.put(p.getKey(), p.getValue().getArray().toFloatArray());
    }
    return out;
  }

  static ProbeResult probe(Session s, Path dir) {
    return LinearProbe.builder().setSession(s).setSpec(s.spec().eval().linearProbe()).setRunDir(new RunDir(dir))
        .optSource("epoch-0001.ckpt").optQuiet(true).optLoaderThreads(1).build().run();
  }

  static Session trained(ExperimentSpec spec, Path dir) {
    Session s = new Session(PLUGINS, spec);
    Trainer.builder().setSession(s).setRunDir(new RunDir(dir)).optQuiet(true).optLoaderThreads(1).build().fit();
    return s;
  }

  @Test
  void theProbeSeparatesSeparableFeaturesAndLeavesTheMethodBitIdentical(@TempDir Path dir) throws Exception {
    try (Session s = trained(spec(""), dir)) {
      Map<String, float[]> before = snapshot(s);
      assertThat(before.keySet()).anyMatch(k -> k.contains("runningMean")).anyMatch(k -> k.contains("runningVar"));
      ProbeResult r = probe(s, dir);
      assertThat(r.lastTop1()).as("chance is 0.5").isGreaterThan(0.85);
      assertThat(r.top1()).isEqualTo(r.lastTop1());
      assertThat(r.bestTop1()).isGreaterThanOrEqualTo(r.lastTop1());
      Map<String, float[]> after = snapshot(s);
      for (String k : before.keySet()) {
        assertThat(after.get(k)).as(k).containsExactly(before.get(k));
      }
    }
    List<String> log = Files.readAllLines(dir.resolve("probe/probe.jsonl"));
    assertThat(log).hasSize(4);
    assertThat(log.get(0)).contains("\"epoch\":1", "\"loss\"", "\"lr\":0.5", "\"trainTop1\"", "\"top1\"");
    assertThat(log.get(3)).contains("\"lr\":0.05"); // ×0.1 from epoch 3 on (0-based), as main_lincls
  }

  @Test
  void dropLastScoresTheFullTestBatchesOnlyAsADropLastLoaderDoes(@TempDir Path all, @TempDir Path dropped) throws Exception {
    int n;
    try (Session s = trained(spec(", batchSize: 7"), all)) {
      n = s.open(org.fga.core.data.Split.TEST).size();
      assertThat(n % 7).as("the test split must end in a partial batch for this test").isNotZero();
      assertThat(probe(s, all).testImages()).isEqualTo(n);
    }
    try (Session s = trained(spec(", batchSize: 7, dropLast: true"), dropped)) {
      ProbeResult r = probe(s, dropped);
      assertThat(r.testImages()).isEqualTo(n / 7 * 7);
      assertThat(r.toMap()).containsEntry("testImages", n / 7 * 7);
      // a fraction of the scored images: right / (n / 7 * 7)
      assertThat(r.lastTop1() * r.testImages()).isCloseTo(Math.rint(r.lastTop1() * r.testImages()), within(1e-9));
    }
  }

  @Test
  void reportBestIsTheBestEpochOnTheTestSet(@TempDir Path dir) throws Exception {
    try (Session s = trained(spec(", report: best"), dir)) {
      ProbeResult r = probe(s, dir);
      double best = Files.readAllLines(dir.resolve("probe/probe.jsonl")).stream()
          .mapToDouble(l -> Double.parseDouble(l.replaceAll(".*\"top1\":([-0-9.eE]+).*", "$1"))).max().orElseThrow();
      assertThat(r.top1()).isEqualTo(r.bestTop1()).isEqualTo(best);
      assertThat(r.toMap()).containsEntry("report", "best").containsKeys("lastTop1", "bestEpoch");
    }
  }

  @Test
  void aProbeResumedMidwayEndsBitIdenticalToAnUninterruptedOne(@TempDir Path straight, @TempDir Path broken)
      throws Exception {
    ProbeResult expected;
    try (Session s = trained(spec(""), straight)) {
      expected = probe(s, straight);
    }
    try (Session s = trained(spec(""), broken)) {
      probe(s, broken);
    }
    // killed during epoch 4: its checkpoint is gone and a torn log line is left behind
    Files.delete(broken.resolve("probe/checkpoints/epoch-0004.ckpt"));
    Files.writeString(broken.resolve("probe/probe.jsonl"), "{\"epoch\":4,\"st", StandardOpenOption.APPEND);
    ProbeResult resumed;
    // a new process: a fresh session with the main phase's weights loaded from its checkpoint
    try (Session s = new Session(PLUGINS, spec(""))) {
      Checkpoint.loadWeights(Checkpoint.latest(broken.resolve("checkpoints")), s);
      resumed = probe(s, broken);
    }
    assertThat(resumed).isEqualTo(expected);
    assertThat(Files.readAllBytes(broken.resolve("probe/checkpoints/epoch-0004.ckpt")))
        .isEqualTo(Files.readAllBytes(straight.resolve("probe/checkpoints/epoch-0004.ckpt")));
    assertThat(Files.readAllLines(broken.resolve("probe/probe.jsonl")))
        .containsExactlyElementsOf(Files.readAllLines(straight.resolve("probe/probe.jsonl")));
  }

  @Test
  void aProbeDirectoryOfAnotherCheckpointIsNotResumed(@TempDir Path dir) {
    try (Session s = trained(spec(""), dir)) {
      probe(s, dir);
      LinearProbe other = LinearProbe.builder().setSession(s).setSpec(s.spec().eval().linearProbe())
          .setRunDir(new RunDir(dir)).optSource("epoch-0007.ckpt").optQuiet(true).build();
      assertThatThrownBy(other::run).isInstanceOf(FgaUserException.class)
          .hasMessageContaining("holds a probe of another checkpoint");
    }
  }

  @Test
  void aBatchLargerThanTheTrainingSplitIsOneLine(@TempDir Path dir) {
    try (Session s = new Session(PLUGINS, spec(", batchSize: 1000"))) {
      assertThatThrownBy(() -> probe(s, dir)).isInstanceOf(FgaUserException.class)
          .hasMessage("eval.linearProbe.batchSize 1000 exceeds the training split's 48 samples; lower it"
              + " (-o eval.linearProbe.batchSize=N)");
    }
  }

  @Test
  void aProbeOnDataThatIsNotSingleLabelIsOneLine(@TempDir Path dir) {
    String yaml = """
        name: ml
        method: {type: baseline}
        backbone: {arch: tiny}
        data: {type: people, imageSize: 32}
        eval: {metrics: [], linearProbe: {epochs: 1, batchSize: 8}}
        """;
    ExperimentSpec spec = new SpecReader(PLUGINS).parse(yaml, false, "ml.yaml");
    try (Session s = new Session(PLUGINS, spec)) {
      assertThatThrownBy(() -> probe(s, dir)).isInstanceOf(FgaUserException.class)
          .hasMessageStartingWith("eval.linearProbe needs single-label classification data; people is reid");
    }
  }

  @Test
  void theProbeBlockIsCheckedAndItsPipelineWrittenOut() {
    LinearProbeSpec p = spec("").eval().linearProbe();
    assertThat(p.pipeline()).isNotNull();
    assertThat(LinearProbeSpec.defaults()).extracting(LinearProbeSpec::epochs, LinearProbeSpec::batchSize,
        LinearProbeSpec::lr, LinearProbeSpec::momentum, LinearProbeSpec::weightDecay, LinearProbeSpec::milestones,
        LinearProbeSpec::gamma, LinearProbeSpec::report)
        .containsExactly(100, 256, 30.0, 0.9, 0.0, List.of(60.0, 80.0), 0.1, "last");
    assertThatThrownBy(() -> spec(", report: median")).hasMessageContaining("eval.linearProbe.report must be last or best");
    // the example in docs/experiment-files.md: main_lincls's augmentations written out
    LinearProbeSpec written = spec(", pipeline: {train: [{type: randomResizedCrop, size: 224}, {type: flip}],"
        + " test: [{type: resize, shorter: 256}, {type: centerCrop, size: 224}]}").eval().linearProbe();
    assertThat(written.pipeline().train()).hasSize(2);
    assertThat(written.pipeline().test()).hasSize(2);
    assertThatThrownBy(() -> spec(", epoch: 3")).hasMessageContaining("unknown key 'eval.linearProbe.epoch'");
  }
}
