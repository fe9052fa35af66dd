package org.fga.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.fga.bench.Cli;
import org.junit.jupiter.api.Test;

/** {@code fga bench KIND}: the machinery's benchmarks as subcommands, the methods' from their modules. */
class BenchCommandTest {
  @Test
  void aMethodsBenchmarkIsFoundInItsModuleAndTakesItsOwnOptions() {
    Cli help = Cli.run("bench", "rfga", "--help");
    assertThat(help.exit()).as(help.err()).isZero();
    assertThat(help.out() + help.err()).contains("--output-stride").contains("fga bench rfga");
    Cli bad = Cli.run("bench", "rfga", "--batch", "1");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--batch >= 2");
  }

  @Test
  void anUnknownBenchmarkListsEveryKnownOne() {
    Cli r = Cli.run("bench", "rgfa");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains(
        "unknown benchmark 'rgfa'; known: backbone, cal, coarse2fine, data, eval, gain, rfga, synth, trainer");
  }

  @Test
  void withoutAKindItListsThePluginsBenchmarks() {
    Cli r = Cli.run("bench");
    assertThat(r.exit()).isZero();
    assertThat(r.err()).contains("Benchmarks of plugins: cal, coarse2fine, gain, rfga");
  }
}
