package org.fga.bench.cli;

import java.util.List;
import org.fga.bench.cli.eval.EvalCommand;
import org.fga.bench.cli.predict.PredictCommand;

/** The subcommands of {@code fga}, in the order {@code --help} lists them. */
final class Subcommands {
  private Subcommands() {}

  static List<Object> all() {
    return List.of(
        new DemoCommand(),
        new TrainCommand(),
        new ProbeCommand(),
        new FeaturesCommand(),
        new EvalCommand(),
        new PredictCommand(),
        new GridCommand(),
        new TableCommand(),
        new org.fga.bench.cli.data.DataCommand(),
        new ListCommand(),
        new DoctorCommand(),
        new BenchCommand());
  }
}
