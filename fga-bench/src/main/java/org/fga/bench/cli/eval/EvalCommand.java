package org.fga.bench.cli.eval;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fga eval}: one subcommand per metric, JSON on stdout, fractions in [0, 1]. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Score saved outputs (.npy/.csv, PNG masks, box JSON) with a published protocol.",
    subcommands = {
      EvalAccuracyCommand.class,
      EvalMultiLabelMapCommand.class,
      EvalReidCommand.class,
      EvalSegmentationCommand.class,
      EvalWsolCommand.class,
      EvalPxapCommand.class,
      EvalRetrievalCommand.class
    })
public final class EvalCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }
}
