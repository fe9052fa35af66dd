package org.fga.bench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.fga.bench.cli.backbone.BenchBackboneCommand;
import org.fga.core.bench.BenchProvider;
import org.fga.core.error.FgaUserException;
import org.fga.core.plugin.Plugins;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code fga bench}: speed and memory benchmarks. The machinery's own (trainer, eval, backbone,
 * data) are subcommands; a method's benchmark lives in its module as a {@link BenchProvider} plugin
 * and is found by name, so adding one edits nothing here.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {"Run a benchmark and print its figures (JSON on stdout).",
        "KIND is one of the commands below or a benchmark a plugin registers (fga bench lists them all);"
            + " 'fga bench KIND --help' shows its options."},
    subcommands = {
      BenchTrainerCommand.class,
      org.fga.bench.cli.eval.BenchEvalCommand.class,
      BenchBackboneCommand.class,
      org.fga.bench.cli.data.BenchSynthCommand.class,
      org.fga.bench.cli.data.BenchDataCommand.class,
    })
public final class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "KIND [OPTION...]",
      description = "a plugin's benchmark and its options, e.g. cal --size 64")
  List<String> args = new ArrayList<>();

  /** Everything after KIND belongs to the plugin's benchmark, {@code --help} included. */
  static CommandLine configure(CommandLine bench) {
    bench.getCommandSpec().parser().stopAtPositional(true);
    return bench;
  }

  @Override
  public Integer call() {
    Plugins plugins = Plugins.load();
    if (args.isEmpty()) {
      spec.commandLine().usage(System.err);
      System.err.println("Benchmarks of plugins: " + String.join(", ", plugins.benches().names()));
      return 0;
    }
    String kind = args.get(0);
    if (!plugins.benches().contains(kind)) {
      TreeSet<String> known = new TreeSet<>(spec.subcommands().keySet());
      known.addAll(plugins.benches().names());
      throw new FgaUserException("unknown benchmark '" + kind + "'; known: " + String.join(", ", known));
    }
    BenchProvider provider = plugins.benches().get(kind);
    CommandLine sub = FgaMain.handleErrors(new CommandLine(provider.newCommand()));
    sub.setOut(spec.commandLine().getOut());
    sub.setErr(spec.commandLine().getErr());
    sub.getCommandSpec().name(spec.qualifiedName() + " " + kind);
    return sub.execute(args.subList(1, args.size()).toArray(String[]::new));
  }
}
