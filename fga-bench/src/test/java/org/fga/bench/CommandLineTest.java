package org.fga.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
  static final String SPEC = """
      name: cli-toy
      method: {type: baseline}
      backbone: {arch: resnet18, width: 8}
      data: {type: noise, imageSize: 32, size: 64, numClasses: 4}
      schedule: {epochs: 3, batchSize: 8, lr: 0.02, logEvery: 1}
      eval: {metrics: [accuracy]}
      seed: 5
      """;

  private static Path write(Path dir, String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void helpListsEachCommandWithAWholeSentenceAndWarnsOfNothing() {
    Cli help = Cli.run("--help");
    assertThat(help.exit()).isZero();
    // the list formats each summary once more: a "%" of a description must stay escaped there
    assertThat(help.out() + help.err()).doesNotContain("WARN").contains("95 % CI");
    String list = help.out().substring(help.out().indexOf("Commands:") + "Commands:".length());
    // a command's entry starts at two spaces of indent; its wrapped lines are indented further
    java.util.List<String> entries = new java.util.ArrayList<>();
    for (String line : list.split("\n")) {
      if (line.startsWith("  ") && !line.startsWith("   ")) {
        entries.add(line.trim());
      } else if (!line.isBlank()) {
        entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.trim());
      }
    }
    assertThat(entries).hasSizeGreaterThan(8).allMatch(e -> e.endsWith("."), "ends with a full stop");
    for (String command : java.util.List.of("table", "train", "grid")) {
      Cli h = Cli.run(command, "--help");
      assertThat(h.exit()).isZero();
      assertThat(h.out() + h.err()).as(command).doesNotContain("WARN").doesNotContain("%n");
    }
  }

  @Test
  void aModelOrDataOverrideNeedsANewNameAndTheRunRecordsItsOverrides(@TempDir Path dir) throws Exception {
    Path spec = write(dir, "s.yaml", SPEC);
    Path out = dir.resolve("runs");
    Cli unnamed = Cli.run("train", spec.toString(), "--out", out.toString(), "-q", "-o", "backbone.width=4",
        "-o", "schedule.epochs=1");
    assertThat(unnamed.exit()).isEqualTo(2);
    assertThat(unnamed.err()).contains("-o backbone.width=4 changes the model or data of cli-toy")
        .contains("add -o name=<new name>");
    assertThat(out).doesNotExist();
    Cli named = Cli.run("train", spec.toString(), "--out", out.toString(), "-q", "-o", "backbone.width=4",
        "-o", "schedule.epochs=1", "-o", "name=cli-toy-w4");
    assertThat(named.exit()).as(named.err()).isZero();
    String metrics = Files.readString(out.resolve("cli-toy-w4/metrics.json"));
    assertThat(metrics).contains("\"origin\"").contains(spec.toString())
        .contains("\"backbone.width=4\"", "\"schedule.epochs=1\"", "\"name=cli-toy-w4\"");
    assertThat(Files.readString(out.resolve("cli-toy-w4/report.html"))).contains("modified:").contains("-o backbone.width=4");
  }

  @Test
  void aRunThatCannotStartWritesNothingSoTheSameCommandWorksOnceFixed(@TempDir Path dir) throws Exception {
    Path spec = write(dir, "s.yaml", SPEC);
    Path out = dir.resolve("runs");
    Cli gpu = Cli.run("train", spec.toString(), "--out", out.toString(), "--device", "gpu", "-q");
    assertThat(gpu.exit()).isEqualTo(2);
    assertThat(gpu.err()).contains("device gpu: libtorch sees no CUDA GPU");
    assertThat(out.resolve("cli-toy")).doesNotExist();
    Cli cpu = Cli.run("train", spec.toString(), "--out", out.toString(), "--epochs", "1", "-q");
    assertThat(cpu.exit()).as(cpu.err()).isZero();
  }

  @Test
  void badInputIsOneLineAndExitCode2(@TempDir Path dir) throws Exception {
    Cli missing = Cli.run("train", dir.resolve("nope.yaml").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err().strip()).isEqualTo("fga: error: experiment file not found: " + dir.resolve("nope.yaml"));

    Cli unknownMethod = Cli.run("train", write(dir, "m.yaml", SPEC.replace("type: baseline", "type: gian")).toString());
    assertThat(unknownMethod.exit()).isEqualTo(2);
    assertThat(unknownMethod.err()).contains("unknown type 'gian' at 'method'").contains("baseline");
    assertThat(unknownMethod.err().strip().lines()).hasSize(1);

    Cli unknownArch = Cli.run("train", write(dir, "a.yaml", SPEC.replace("arch: resnet18", "arch: resnet19")).toString(),
        "--out", dir.toString());
    assertThat(unknownArch.exit()).isEqualTo(2);
    assertThat(unknownArch.err()).contains("unknown backbone 'resnet19'; known: ").contains("resnet18, resnet34");

    Cli unknownKey = Cli.run("train", write(dir, "k.yaml", SPEC.replace("lr: 0.02", "lr: 0.02, lrr: 1")).toString());
    assertThat(unknownKey.exit()).isEqualTo(2);
    assertThat(unknownKey.err()).contains("k.yaml: unknown key 'schedule.lrr'");

    Cli badOption = Cli.run("train", "--epochs", "many");
    assertThat(badOption.exit()).isEqualTo(2);
  }

  @Test
  void trainsWritesTheRunDirectoryReusesItAndRefusesToOverwriteIt(@TempDir Path dir) throws Exception {
    Path spec = write(dir, "toy.yaml", SPEC.replace("epochs: 3", "epochs: 1"));
    Cli first = Cli.run("train", spec.toString(), "--out", dir.resolve("runs").toString(), "-q");
    assertThat(first.exit()).as(first.err()).isZero();
    Path run = dir.resolve("runs/cli-toy");
    assertThat(run.resolve("spec.resolved.yaml")).exists();
    assertThat(run.resolve("train.jsonl")).exists();
    assertThat(run.resolve("checkpoints/epoch-0001.ckpt")).exists();
    assertThat(Files.readString(run.resolve("report.html"))).contains("<h2>Metrics</h2>", "accuracy.top1", "<svg");
    assertThat(first.out()).contains("\"metrics\"").contains("\"top1\"");
    String metrics = Files.readString(run.resolve("metrics.json"));

    // the same experiment again: the finished run is reused, nothing is trained or rewritten
    Cli again = Cli.run("train", spec.toString(), "--out", dir.resolve("runs").toString(), "-q");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.err()).contains("finished run; its metrics are reused");
    assertThat(again.out()).contains("\"top1\"");
    assertThat(Files.readString(run.resolve("metrics.json"))).isEqualTo(metrics);

    // a paper number filled in later labels the run, it does not make it another experiment
    Cli labelled = Cli.run("train", spec.toString(), "--out", dir.resolve("runs").toString(), "-q",
        "-o", "paper={source: later, metric: top-1, value: 50}");
    assertThat(labelled.exit()).as(labelled.err()).isZero();
    assertThat(labelled.err()).contains("finished run; its metrics are reused");
    assertThat(Files.readString(run.resolve("metrics.json"))).isEqualTo(metrics);

    // another experiment under the same name is refused, and the run stays as it was
    Cli other = Cli.run("train", spec.toString(), "--out", dir.resolve("runs").toString(), "-q",
        "-o", "schedule.lr=0.03");
    assertThat(other.exit()).isEqualTo(2);
    assertThat(other.err()).contains("holds a run of another experiment (schedule.lr: 0.02 -> 0.03)");
    assertThat(Files.readString(run.resolve("metrics.json"))).isEqualTo(metrics);
  }

  @Test
  void aRunKilledMidEpochResumesToTheSameMetrics(@TempDir Path dir) throws Exception {
    Path spec = write(dir, "toy.yaml", SPEC);
    Cli straight = Cli.run("train", spec.toString(), "--out", dir.resolve("a").toString(), "-q");
    assertThat(straight.exit()).as(straight.err()).isZero();

    Path out = dir.resolve("b");
    Path run = out.resolve("cli-toy");
    Process child = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            "org.fga.bench.cli.FgaMain", "train", spec.toString(), "--out", out.toString(), "-q")
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile())
        .start();
    // kill -9 once the first checkpoint exists and the second epoch is under way
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline && child.isAlive()) {
      Path log = run.resolve("train.jsonl");
      if (Files.exists(run.resolve("checkpoints/epoch-0001.ckpt")) && Files.exists(log)
          && Files.readAllLines(log).stream().anyMatch(l -> l.contains("\"epoch\":1"))) {
        break;
      }
      Thread.sleep(20);
    }
    assertThat(child.isAlive()).as("child still training when killed; log: %s",
        Files.readString(dir.resolve("child.log"))).isTrue();
    child.destroyForcibly().waitFor();
    assertThat(run.resolve("metrics.json")).doesNotExist();

    Cli resumed = Cli.run("train", "--resume", run.toString(), "-q");
    assertThat(resumed.exit()).as(resumed.err()).isZero();
    assertThat(Files.readString(run.resolve("metrics.json")))
        .isEqualTo(Files.readString(dir.resolve("a/cli-toy/metrics.json")));
    List<String> a = Files.readAllLines(dir.resolve("a/cli-toy/train.jsonl"));
    List<String> b = Files.readAllLines(run.resolve("train.jsonl"));
    assertThat(b).hasSameSizeAs(a);
  }

  @Test
  void quickDemoTrainsAndPrintsTheTable(@TempDir Path dir) throws Exception {
    Cli demo = Cli.run("demo", "--quick", "--methods", "baseline", "--out", dir.toString(), "-q", "--json");
    assertThat(demo.exit()).as(demo.err()).isZero();
    assertThat(demo.err()).contains("| method | top-1 (%) | GT-known Loc (%) | MaxBoxAccV2 (%) |", "| baseline |");
    assertThat(demo.out()).contains("\"top1\"", "\"gtKnownLoc\"");
    assertThat(dir.resolve("baseline/attention/0000.png")).exists();
    assertThat(dir.resolve("summary.md")).exists();
    // a second call reuses the finished run
    Cli again = Cli.run("demo", "--quick", "--methods", "baseline", "--out", dir.toString(), "-q");
    assertThat(again.err()).contains("reused");
    // the full demo's settings differ: the quick run is neither reused nor resumed nor overwritten
    String before = Files.readString(dir.resolve("baseline/metrics.json"));
    Cli full = Cli.run("demo", "--methods", "baseline", "--out", dir.toString(), "-q");
    assertThat(full.exit()).isEqualTo(2);
    assertThat(full.err()).contains("holds demo runs made with other settings (baseline");
    assertThat(dir.resolve("baseline/metrics.json")).hasContent(before);
  }

  @Test
  void aRunWhoseResolvedSpecLacksATodaysKeyIsNotResumed(@TempDir Path dir) throws Exception {
    // as if written by an earlier fga, before data.bodyColours existed (its default then was 0)
    Path run = dir.resolve("old");
    Files.createDirectories(run);
    String spec = new org.fga.core.spec.SpecReader(org.fga.core.plugin.Plugins.load()).toYaml(
        new org.fga.core.spec.SpecReader(org.fga.core.plugin.Plugins.load()).parse(SPEC.replace("data: {type: noise, imageSize: 32, size: 64, numClasses: 4}",
            "data: {type: synthetic, imageSize: 32, trainSize: 16, valSize: 0, testSize: 8, numClasses: 2}"), false, "toy"));
    assertThat(spec).contains("bodyColours");
    Files.writeString(run.resolve("spec.resolved.yaml"), spec.replaceAll("(?m)^\\s*bodyColours:.*\\n", ""));
    Cli resume = Cli.run("train", "--resume", run.toString(), "-q");
    assertThat(resume.exit()).isEqualTo(2);
    assertThat(resume.err()).contains("was written by an earlier fga and lacks data.bodyColours (now 4)");
    assertThat(run.resolve("checkpoints")).doesNotExist();
  }
}
