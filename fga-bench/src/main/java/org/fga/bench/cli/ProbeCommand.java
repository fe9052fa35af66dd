package org.fga.bench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fga.core.plugin.Plugins;
import org.fga.core.run.ExperimentRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fga probe}: the linear probe on a trained run's frozen features. */
@Command(
    name = "probe",
    mixinStandardHelpOptions = true,
    description = {
      "Train a linear classifier on the frozen features of a trained run (its newest checkpoint, or",
      "--checkpoint) and record it as metrics.linearProbe in RUN_DIR/metrics.json; prints that file.",
      "Settings: the run's eval.linearProbe, else the defaults (LCR/MoCo main_lincls: SGD lr 30,",
      "momentum 0.9, batch 256, 100 epochs, x0.1 at 60 and 80), changed with -o eval.linearProbe.KEY=V.",
      "Writes RUN_DIR/probe/ (checkpoint per epoch, probe.jsonl); a killed probe resumes when run again."
    })
public final class ProbeCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_DIR", description = "a run directory written by fga train")
  Path run;

  @Option(names = "--checkpoint", paramLabel = "FILE", description = "probe this checkpoint instead of the newest")
  Path checkpoint;

  @Option(names = {"-q", "--quiet"}, description = "no progress bar")
  boolean quiet;

  @Option(names = {"-o", "--override"}, paramLabel = "KEY=VALUE",
      description = "change one key under eval.linearProbe, e.g. -o eval.linearProbe.epochs=30; repeatable")
  java.util.List<String> overrides = new java.util.ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Plugins plugins = Plugins.load();
    ObjectNode result = new ExperimentRunner(plugins, System.err, quiet).probe(run, checkpoint, overrides);
    System.out.println(plugins.json().writerWithDefaultPrettyPrinter().writeValueAsString(result));
    return 0;
  }
}
