package org.fga.bench.cli;

import org.fga.bench.cli.backbone.BenchBackboneCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fga bench}: speed and memory benchmarks; each kind is a subcommand. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Run a benchmark and print its figures (JSON on stdout).",
    subcommands = {
      BenchTrainerCommand.class,
      org.fga.bench.cli.eval.BenchEvalCommand.class,
      BenchBackboneCommand.class,
      org.fga.bench.cli.data.BenchSynthCommand.class,
      org.fga.bench.cli.cal.BenchCalCommand.class,
      org.fga.bench.cli.rfga.BenchRfgaCommand.class,
      org.fga.bench.cli.gain.BenchGainCommand.class,
      org.fga.bench.cli.data.BenchDataCommand.class,
      org.fga.bench.cli.coarse2fine.BenchCoarse2FineCommand.class,
      org.fga.bench.cli.ssl.BenchSslCommand.class,
    })
public final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }
}
