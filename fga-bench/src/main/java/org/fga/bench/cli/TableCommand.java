package org.fga.bench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.fga.bench.table.Shard;
import org.fga.bench.table.TableFolder;
import org.fga.bench.table.TableSubset;
import org.fga.bench.table.TableReport;
import org.fga.bench.table.TableRunner;
import org.fga.bench.table.TableSpec;
import org.fga.core.error.FgaUserException;
import org.fga.core.plugin.Plugins;
import org.fga.core.rundir.RunDir;
import org.fga.core.spec.SpecReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fga table FILE}: a paper's table, run (or its shard run) and rendered. */
@Command(
    name = "table",
    mixinStandardHelpOptions = true,
    description = {
      "Run the cells x seeds of a table file that have not finished (reusing finished runs,",
      "resuming killed ones), then write table.md, table.csv and table.html beside the runs:",
      "paper | ours (mean ± std, n) | 95 %% CI | Δ per cell, p-values against the reference row.",
      "--seeds/--columns/--rows run and render a part (table-subset.*); -o marks the table modified.",
      "On Slurm: --sbatch prints a job-array script; each task runs --shard I/N (defaults from",
      "SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT); a last call without --shard collects."
    })
public final class TableCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "table file, e.g. configs/cal/tables/fgvc.yaml")
  Path file;

  @Option(names = "--out", paramLabel = "DIR", description = "where the runs and the rendered table go"
      + " (default: runs/tables/<method>/<file name>, the method being the folder that holds tables/)")
  Path out;

  @Option(names = "--seeds", split = ",", paramLabel = "S", description = "only these of the table's seeds, e.g. --seeds 0")
  List<Long> seeds;

  @Option(names = "--columns", split = ",", paramLabel = "NAME", description = "only these columns, e.g. --columns CUB")
  List<String> columns;

  @Option(names = "--rows", split = ",", paramLabel = "LABEL", description = "only these rows, e.g. --rows CAL,WS-DAN")
  List<String> rows;

  @Option(names = "--shard", paramLabel = "I/N", description = "run only job k with k mod N = I")
  String shard;

  @Option(names = "--collect", description = "run nothing: render what has finished")
  boolean collect;

  @Option(names = "--sbatch", description = "print a Slurm job-array script for this table and exit")
  boolean sbatch;

  @Option(names = "--tasks", defaultValue = "8", description = "array tasks for --sbatch (default: ${DEFAULT-VALUE})")
  int tasks;

  @Option(names = {"-o", "--override"}, paramLabel = "KEY=VALUE", description = "change one key of every cell's spec; repeatable")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--device", paramLabel = "DEVICE", description = "cpu, gpu or gpu:N (same as -o device=...)")
  String device;

  @Option(names = {"-q", "--quiet"}, description = "no progress bars")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    if (device != null) {
      overrides.add("device=" + device);
    }
    Plugins plugins = Plugins.load();
    TableSpec whole = read(plugins);
    TableSubset subset = new TableSubset(seeds, columns, rows);
    TableSpec table = subset.of(whole);
    Path dir = out != null ? out : TableFolder.defaultFor(file);
    if (sbatch) {
      System.out.print(sbatchScript(dir));
      return 0;
    }
    Path earlier = out == null ? TableFolder.earlierFolder(file, dir) : null;
    if (earlier != null) {
      System.err.println("table: runs now go to " + dir + "; " + earlier + " is where an earlier fga put this table's"
          + " runs (or another table's of the same file name): move it to " + dir + " to reuse them");
    }
    TableFolder.claim(dir, file); // before anything runs: another table's folder is refused
    TableRunner runner = new TableRunner(plugins, System.err, quiet);
    List<TableRunner.Job> jobs = runner.jobs(file, table, dir, overrides);
    Shard s = Shard.parse(shard, System.getenv());
    if (!collect) {
      runner.run(jobs, table, s);
    }
    if (!s.isAll()) {
      System.err.println("table: shard " + s.index() + "/" + s.count() + " done; run without --shard to collect");
      return 0;
    }
    List<String> modified = overrides.stream().filter(o -> !o.startsWith("device=")).toList(); // where, not what
    TableReport report = new TableReport(table, runner.collect(jobs, table, file), modified,
        subset.isAll() ? null : subset.describe(whole), runner.rowsPairedWithReferenceResults(jobs, table, file));
    // a part never replaces the whole table's files
    String stem = subset.isAll() ? "table" : "table-subset";
    Files.createDirectories(dir);
    RunDir.writeAtomically(dir.resolve(stem + ".md"), report.markdown());
    RunDir.writeAtomically(dir.resolve(stem + ".csv"), report.csv());
    RunDir.writeAtomically(dir.resolve(stem + ".html"), report.html());
    System.out.print(report.markdown());
    System.err.println("table: wrote " + dir.resolve(stem + ".md") + ", " + stem + ".csv and " + stem + ".html");
    return 0;
  }

  private TableSpec read(Plugins plugins) {
    try {
      return plugins.yaml().readValue(file.toFile(), TableSpec.class);
    } catch (java.io.FileNotFoundException e) {
      throw new FgaUserException("table file not found: " + file);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new FgaUserException(file + ": " + SpecReader.describeError(e));
    } catch (java.io.IOException e) {
      throw new FgaUserException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private String sbatchScript(Path dir) {
    String cmd = "./fga table " + file + " --out " + dir
        + (seeds == null ? "" : " --seeds " + String.join(",", seeds.stream().map(String::valueOf).toList()))
        + (columns == null ? "" : " --columns '" + String.join(",", columns) + "'")
        + (rows == null ? "" : " --rows '" + String.join(",", rows) + "'")
        + overrides.stream().map(o -> " -o '" + o + "'").reduce("", String::concat);
    return """
        #!/bin/bash
        # Slurm job array for %s: each task runs its shard (SLURM_ARRAY_TASK_ID of
        # SLURM_ARRAY_TASK_COUNT); afterwards `%s` collects the table.
        #SBATCH --job-name=fga-table
        #SBATCH --array=0-%d
        #SBATCH --gres=gpu:1
        #SBATCH --cpus-per-task=8
        #SBATCH --output=%s/slurm-%%A_%%a.log
        set -euo pipefail
        %s --device gpu -q
        """.formatted(file, cmd, tasks - 1, dir, cmd);
  }
}
