package org.fga.bench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fga.bench.pretrain.PretrainedWeights;
import org.fga.core.error.FgaUserException;
import org.fga.core.plugin.Plugins;
import org.fga.core.run.DryRun;
import org.fga.core.run.ExperimentRunner;
import org.fga.core.run.Origin;
import org.fga.core.run.RunName;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.SpecReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fga train}: one experiment file → {@code runs/<name>/}, or a killed run resumed. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train and evaluate one experiment; writes runs/<name>/ and prints metrics as JSON.",
      "Run again, it reuses the finished run or continues a killed one from its last checkpoint",
      "(as does --resume runs/<name>); a run of another spec in runs/<name>/ is refused."
    })
public final class TrainCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "SPEC", description = "experiment file (.yaml, .yml or .json)")
  Path spec;

  @Option(names = "--resume", paramLabel = "RUN_DIR", description = "continue the run in this directory")
  Path resume;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs", description = "parent of run directories (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--seed", description = "override the spec's seed (the run is named <name>-s<seed>)")
  Long seed;

  @Option(names = "--epochs", description = "override schedule.epochs")
  Integer epochs;

  @Option(names = "--device", paramLabel = "DEVICE", description = "cpu, gpu or gpu:N (same as -o device=...)")
  String device;

  @Option(names = {"-q", "--quiet"}, description = "no progress bar")
  boolean quiet;

  @Option(names = {"-o", "--override"}, paramLabel = "KEY=VALUE",
      description = "change one key of the spec (dotted path, value read as YAML), e.g."
          + " -o schedule.batchSize=8 -o backbone.weights=null; repeatable; checked like the file"
          + " and recorded in spec.resolved.yaml")
  java.util.List<String> overrides = new java.util.ArrayList<>();

  @Option(names = "--dry-run", description = "count the splits, show the pipeline and feature-map"
      + " sizes, build the model, estimate the run's time and memory from a forward pass at batch 1"
      + " (seconds, little memory); write nothing")
  boolean dryRun;

  @Option(names = "--timed-steps", description = "with --dry-run: run two real training steps at the spec's"
      + " batch and one test batch instead, and report the measured step time and peak memory")
  boolean timedSteps;

  @Override
  public Integer call() throws Exception {
    if (timedSteps && !dryRun) {
      throw new FgaUserException("--timed-steps times a dry run's steps: give it with --dry-run");
    }
    if (device != null) {
      overrides.add("device=" + device);
    }
    Plugins plugins = Plugins.load();
    ExperimentRunner runner = new ExperimentRunner(plugins, System.err, quiet);
    ObjectNode result;
    if (resume != null) {
      if (spec != null || seed != null || epochs != null || !overrides.isEmpty() || dryRun) {
        throw new FgaUserException("--resume continues a run with its saved spec: give no SPEC, --seed, --epochs, -o or --dry-run");
      }
      result = runner.resume(resume);
    } else {
      if (spec == null) {
        throw new FgaUserException("give an experiment file, or --resume RUN_DIR");
      }
      ExperimentSpec s = new SpecReader(plugins).read(spec, overrides);
      if (seed != null) {
        s = s.forSeed(seed);
      }
      if (epochs != null) {
        s = s.withSchedule(s.schedule().withEpochs(epochs));
      }
      PretrainedWeights pretrained = new PretrainedWeights(plugins, System.err, quiet);
      if (dryRun) {
        if (PretrainedWeights.isPretrained(s)) {
          // a dry run writes nothing, so it cannot pretrain: it uses the cached backbone, or checks
          // the pretraining spec and goes on from random weights (the shapes and times are the same)
          Path cached = pretrained.cachedFile(s);
          if (java.nio.file.Files.isRegularFile(cached)) {
            s = pretrained.cachedSpec(s);
          } else {
            String from = s.backbone().weights().substring(PretrainedWeights.PREFIX.length());
            pretrained.pretrainingSpec(s); // read and checked: a broken pretraining spec fails here
            System.err.println("dry run: " + cached + " is not made yet; the first real run trains it from " + from
                + " first (its own time: ./fga train --dry-run " + from + "); this dry run builds the model from random weights");
            s = s.withBackbone(s.backbone().withWeights(null));
          }
        }
        result = new DryRun(plugins, System.err).optTimedSteps(timedSteps).run(s);
      } else {
        RunName.requireRenamed(s.name(), overrides); // a dry run writes nothing and needs no name
        s = pretrained.resolve(s);
        Path dir = out.resolve(s.name());
        if (runner.state(s, dir) == ExperimentRunner.RunState.FINISHED) {
          System.err.println("train: " + dir + " holds this experiment's finished run; its metrics are reused"
              + " (delete the folder to train it again)");
        }
        result = runner.runOrReuse(s, dir, new Origin(spec.toString(), overrides));
      }
    }
    System.out.println(plugins.json().writerWithDefaultPrettyPrinter().writeValueAsString(result));
    return 0;
  }
}
