package org.fga.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.fga.core.io.Mappers;

/** {@code fga train} with {@code eval.linearProbe}, and {@code fga probe} on a run directory. */
class ProbeCommandTest {
  static final String SPEC = """
      name: probe-toy
      method: {type: baseline}
      backbone: {arch: resnet18, width: 8}
      data: {type: noise, imageSize: 32, size: 32, numClasses: 2}
      schedule: {epochs: 1, batchSize: 8, lr: 0.02}
      eval: {metrics: [accuracy, retrieval], linearProbe: {epochs: 2, batchSize: 8, lr: 0.1, milestones: [1]}}
      seed: 5
      """;

  @Test
  void trainRunsTheProbeAfterTheMainPhaseAndProbeRunsItAgainFromTheRunDirectory(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("s.yaml");
    Files.writeString(spec, SPEC);
    Cli train = Cli.run("train", spec.toString(), "--out", dir.toString(), "-q");
    assertThat(train.exit()).as(train.err()).isZero();
    Path run = dir.resolve("probe-toy");
    JsonNode m = Mappers.json().readTree(run.resolve("metrics.json").toFile()).get("metrics");
    assertThat(m.at("/linearProbe/top1").isNumber()).isTrue();
    assertThat(m.at("/linearProbe/report").asText()).isEqualTo("last");
    assertThat(m.at("/linearProbe/checkpoint").asText()).isEqualTo("epoch-0001.ckpt");
    assertThat(m.at("/retrieval/top1").isNumber()).isTrue();
    assertThat(m.at("/retrieval/top5").isNumber()).isTrue();
    assertThat(Files.readAllLines(run.resolve("probe/probe.jsonl"))).hasSize(2);

    // the same probe again: its directory is complete, so it is read back, not retrained
    Cli again = Cli.run("probe", run.toString(), "-q");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(Mappers.json().readTree(again.out()).at("/metrics/linearProbe"))
        .isEqualTo(m.get("linearProbe"));
    assertThat(Mappers.json().readTree(again.out()).at("/metrics/accuracy")).isEqualTo(m.get("accuracy"));

    // killed in the probe's second epoch: fga train --resume finds the main phase done and resumes the probe
    Files.delete(run.resolve("probe/checkpoints/epoch-0002.ckpt"));
    Files.delete(run.resolve("metrics.json"));
    Cli resumed = Cli.run("train", "--resume", run.toString(), "-q");
    assertThat(resumed.exit()).as(resumed.err()).isZero();
    assertThat(Mappers.json().readTree(run.resolve("metrics.json").toFile()).at("/metrics/linearProbe"))
        .isEqualTo(m.get("linearProbe"));
    assertThat(Files.readAllLines(run.resolve("probe/probe.jsonl"))).hasSize(2);

    // another probe spec in the same directory is refused in one line
    Cli other = Cli.run("probe", run.toString(), "-q", "-o", "eval.linearProbe.report=best");
    assertThat(other.exit()).isEqualTo(2);
    assertThat(other.err().strip().lines()).hasSize(1);
    assertThat(other.err()).contains("holds a probe of another checkpoint or probe spec");
  }

  @Test
  void badInputIsOneLineAndExitCode2(@TempDir Path dir) throws Exception {
    Cli notARun = Cli.run("probe", dir.toString());
    assertThat(notARun.exit()).isEqualTo(2);
    assertThat(notARun.err().strip()).isEqualTo("fga: error: cannot probe " + dir + ": no spec.resolved.yaml in it (not a run directory)");

    Files.writeString(dir.resolve("spec.resolved.yaml"), SPEC);
    Cli noCheckpoint = Cli.run("probe", dir.toString());
    assertThat(noCheckpoint.exit()).isEqualTo(2);
    assertThat(noCheckpoint.err().strip()).isEqualTo(
        "fga: error: cannot probe " + dir + ": it has no checkpoint yet (train it first: fga train --resume " + dir + ")");

    Cli unknownKey = Cli.run("probe", dir.toString(), "-o", "eval.linearProbe.epoch=3");
    assertThat(unknownKey.exit()).isEqualTo(2);
    assertThat(unknownKey.err().strip().lines()).hasSize(1);

    Cli notTheProbe = Cli.run("probe", dir.toString(), "-o", "schedule.lr=3");
    assertThat(notTheProbe.exit()).isEqualTo(2);
    assertThat(notTheProbe.err()).contains("fga probe changes only eval.linearProbe.*");

    Path spec = dir.resolve("bad.yaml");
    Files.writeString(spec, SPEC.replace("lr: 0.1,", "lr: 0.1, lrr: 2,"));
    Cli unknownInSpec = Cli.run("train", spec.toString(), "--out", dir.resolve("runs").toString());
    assertThat(unknownInSpec.exit()).isEqualTo(2);
    assertThat(unknownInSpec.err()).contains("unknown key 'eval.linearProbe.lrr'");
    assertThat(unknownInSpec.err().strip().lines()).hasSize(1);
  }
}
