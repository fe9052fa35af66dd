package org.fga.bench.cli.data;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fga data}: tools for datasets on disk. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description =
        "Write the synthetic data in real datasets' layouts, check a downloaded dataset, or preview the training batches.",
    subcommands = {SynthCommand.class, CheckCommand.class, PreviewCommand.class})
public final class DataCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }
}
