package org.fga.bench.cli;

import java.io.PrintWriter;
import org.fga.core.error.FgaUserException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code ./fga}. Exit codes: 0 success, 2 bad input (one line on stderr naming what
 * is wrong), 1 anything else (a bug: the stack trace is printed).
 */
@Command(
    name = "fga",
    mixinStandardHelpOptions = true,
    version = "fga 0.1.0",
    description = "Attention-based fine-grained visual recognition: train, evaluate, reproduce.",
    subcommands = {CommandLine.HelpCommand.class})
public final class FgaMain implements Runnable {
  public static final int EXIT_BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (tests call this directly). */
  public static int execute(String... args) {
    CommandLine cli = commandLine();
    return cli.execute(args);
  }

  /** The command tree, with error handling that turns bad input into one line and exit code 2. */
  public static CommandLine commandLine() {
    // the method modules of the source tree and FGA_PLUGIN_PATH, before any command loads plugins
    org.fga.bench.host.PluginHost.install(new PrintWriter(System.err, true));
    CommandLine cli = new CommandLine(new FgaMain());
    for (Object sub : Subcommands.all()) {
      cli.addSubcommand(sub);
    }
    BenchCommand.configure(cli.getSubcommands().get("bench"));
    guardEngine(cli);
    cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, FgaMain::commandList);
    return handleErrors(cli);
  }

  /** The commands that compute with libtorch; the rest (list, eval, data, doctor itself) never need the guard. */
  static final java.util.Set<String> ENGINE_COMMANDS =
      java.util.Set.of("demo", "train", "probe", "predict", "grid", "table", "bench");

  /**
   * Runs the engine guard before a command that computes with libtorch, so a wrong engine is
   * switched away from (one line) or refused (one line, exit code 2) before any work starts;
   * {@code Session} checks again for code that trains without the command line.
   */
  static void guardEngine(CommandLine cli) {
    CommandLine.IExecutionStrategy inner = cli.getExecutionStrategy();
    cli.setExecutionStrategy(parse -> {
      boolean help = parse.asCommandLineList().stream().anyMatch(CommandLine::isUsageHelpRequested);
      if (!help && parse.subcommands().stream().anyMatch(s -> ENGINE_COMMANDS.contains(s.commandSpec().name()))) {
        try {
          org.fga.engine.EngineGuard.ensure();
        } catch (org.fga.engine.EngineFaultException e) {
          throw new CommandLine.ExecutionException(cli, e.getMessage(), e);
        }
      }
      return inner.execute(parse);
    });
  }

  /**
   * The list of commands in {@code fga --help}, each with the first sentence of its description.
   * picocli shows the first line of the description array, which is cut wherever the source's
   * line ended ("... evaluate them and").
   */
  private static String commandList(CommandLine.Help help) {
    java.util.Map<String, String> rows = new java.util.LinkedHashMap<>();
    help.subcommands().forEach((name, sub) -> rows.put(name, summary(sub.commandSpec())));
    return rows.isEmpty() ? "" : help.createTextTable(rows).toString();
  }

  static String summary(CommandLine.Model.CommandSpec spec) {
    String[] header = spec.usageMessage().header();
    String text = String.join(" ", header.length > 0 ? header : spec.usageMessage().description())
        .replaceAll("\\s+", " ").trim(); // "%%" stays: the text table formats its cells once more
    int end = text.indexOf(". ");
    return end < 0 ? text : text.substring(0, end + 1);
  }

  /** What the user can fix, said in one line with exit code 2: bad input, or an engine that cannot be trusted. */
  static boolean isBadInput(Throwable t) {
    return t instanceof FgaUserException || t instanceof org.fga.engine.EngineFaultException;
  }

  /** Bad input as one line and exit code 2, anything else with its stack trace and exit code 1. */
  static CommandLine handleErrors(CommandLine cli) {
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          Throwable root = ex;
          while (!isBadInput(root) && root.getCause() != null) {
            root = root.getCause();
          }
          PrintWriter err = commandLine.getErr();
          if (isBadInput(root)) {
            err.println("fga: error: " + root.getMessage());
            err.flush();
            return EXIT_BAD_INPUT;
          }
          for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof org.fga.core.error.PluginException p) { // names the plugin class at fault
              err.println("fga: plugin error: " + p.getMessage());
              err.flush();
              return 1;
            }
          }
          ex.printStackTrace(err);
          err.flush();
          return 1;
        });
    cli.setParameterExceptionHandler(
        (ex, args) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println("fga: error: " + ex.getMessage().split("\n")[0]);
          err.println("try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
          err.flush();
          return EXIT_BAD_INPUT;
        });
    return cli;
  }
}
