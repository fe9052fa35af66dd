package org.fga.bench.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.fga.engine.EngineFacts;
import org.fga.core.plugin.Plugins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fga doctor}: the engine, the kernels it runs and the guard's verdict, for bug reports and
 * for telling a machine's fault from a bug in fga.
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Show the engine (libtorch, oneDNN, ISA, threads, the CPU's reported caches) and the",
      "convolution guard's verdict: paste it into a bug report."
    })
public final class DoctorCommand implements Callable<Integer> {
  @Option(names = "--json", description = "print JSON on stdout instead of lines")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Map<String, Object> facts = EngineFacts.collect();
    if (json) {
      System.out.println(Plugins.load().json().writerWithDefaultPrettyPrinter().writeValueAsString(facts));
    } else {
      EngineFacts.lines(facts).forEach(System.out::println);
    }
    return 0;
  }
}
