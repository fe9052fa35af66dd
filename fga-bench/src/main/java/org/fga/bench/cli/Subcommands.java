package org.fga.bench.cli;

import java.util.List;

/** The subcommands of {@code fga}, in the order {@code --help} lists them. */
final class Subcommands {
  private Subcommands() {}

  static List<Object> all() {
    return List.of(new BenchCommand(), new org.fga.bench.cli.data.DataCommand());
  }
}
