package org.fga.bench.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fga.core.metric.MetricPath;
import org.fga.bench.pretrain.PretrainedWeights;
import org.fga.datasets.DiskDataConfig;
import org.fga.core.error.FgaUserException;
import org.fga.core.naming.ConfigTypes;
import org.fga.core.plugin.Plugins;
import org.fga.core.run.ExperimentRunner;
import org.fga.core.run.Origin;
import org.fga.core.rundir.RunDir;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.SpecReader;

/**
 * Runs a table's cells × seeds under {@code out/<row>__<column>-s<seed>/} (reusing finished runs,
 * resuming killed ones, the shard's share only) and reads back what every finished run measured.
 */
public final class TableRunner {
  private final Plugins plugins;
  private final PrintStream log;
  private final boolean quiet;
  private final Map<String, ReferenceResults> resultsRead = new HashMap<>();

  public TableRunner(Plugins plugins, PrintStream log, boolean quiet) {
    this.plugins = plugins;
    this.log = log;
    this.quiet = quiet;
  }

  /**
   * One run of one cell with one seed.
   *
   * @param origin the cell's spec file and every override applied to it (row, cell, command line)
   */
  public record Job(int row, int column, int seedIndex, ExperimentSpec spec, Path dir, Origin origin) {}

  /** Every job of the table, in a fixed order (rows, then columns, then seeds). */
  public List<Job> jobs(Path tableFile, TableSpec table, Path out, List<String> overrides) {
    SpecReader reader = new SpecReader(plugins);
    Path base = tableFile.toAbsolutePath().getParent();
    List<Job> jobs = new ArrayList<>();
    for (int r = 0; r < table.rows().size(); r++) {
      TableSpec.Row row = table.rows().get(r);
      for (int c = 0; c < table.columns().size(); c++) {
        TableSpec.Column col = table.columns().get(c);
        TableSpec.Cell cell = row.cells().get(col.name());
        if (cell == null || col.runsOf() != null || cell.isReferenceResults()) {
          continue; // a runsOf column reads its source column's runs, a results cell its file (collect)
        }
        List<String> all = new ArrayList<>(row.overrides());
        all.addAll(cell.overrides());
        all.addAll(overrides);
        ExperimentSpec spec;
        try {
          spec = reader.read(base.resolve(cell.spec()), all);
        } catch (FgaUserException e) {
          throw new FgaUserException(tableFile + ", row '" + row.label() + "', column '" + col.name() + "': " + e.getMessage());
        }
        for (int k = 0; k < table.seeds().size(); k++) {
          long seed = table.seeds().get(k);
          String name = runName(row.label(), col.name(), seed);
          jobs.add(new Job(r, c, k, spec.withSeed(seed).withName(name), out.resolve(name),
              new Origin(base.resolve(cell.spec()).normalize().toString(), all)));
        }
      }
    }
    return jobs;
  }

  /**
   * Refuses to start when a dataset a pending job needs is absent: each one on its own line of
   * {@code log}, then one error line.
   */
  public void requireData(List<Job> pending, TableSpec table) {
    Map<String, TreeSet<String>> missing = new LinkedHashMap<>();
    for (Job j : pending) {
      if (j.spec().data() instanceof DiskDataConfig d && !Files.isDirectory(Path.of(d.root()))) {
        missing.computeIfAbsent(ConfigTypes.nameOf(d) + " at " + d.root(), k -> new TreeSet<>())
            .add(table.rows().get(j.row()).label());
      }
    }
    if (!missing.isEmpty()) {
      missing.forEach((what, rows) -> log.println("missing dataset: " + what + " (rows: " + String.join(", ", rows) + ")"));
      throw new FgaUserException(missing.size() + " dataset(s) not found (listed above): download them, or point the"
          + " table at them with -o data.root=...");
    }
  }

  /** Runs the jobs this shard owns that have not finished; returns how many ran. */
  public int run(List<Job> jobs, TableSpec table, Shard shard) {
    ExperimentRunner runner = new ExperimentRunner(plugins, log, quiet);
    PretrainedWeights pretrained = new PretrainedWeights(plugins, log, quiet);
    List<Job> mine = new ArrayList<>();
    for (int k = 0; k < jobs.size(); k++) {
      // a finished run is reused only if it ran this cell's spec (state() refuses any other); a
      // pretrain: cell ran with the cached backbone's path, which is what it is compared with
      ExperimentSpec spec = pretrained.cachedSpec(jobs.get(k).spec());
      if (shard.owns(k) && runner.state(spec, jobs.get(k).dir()) != ExperimentRunner.RunState.FINISHED) {
        mine.add(jobs.get(k));
      }
    }
    requireData(mine, table);
    int done = 0;
    for (Job j : mine) {
      done++;
      log.printf("table: [%d/%d%s] %s%n", done, mine.size(),
          shard.isAll() ? "" : ", shard " + shard.index() + "/" + shard.count(), j.spec().name());
      runner.runOrReuse(pretrained.resolve(j.spec()), j.dir(), j.origin());
    }
    return mine.size();
  }

  /** Values per cell and seed (NaN where the run has not finished), in the column's unit; no results cells. */
  public double[][][] collect(List<Job> jobs, TableSpec table) {
    return collect(jobs, table, null);
  }

  /**
   * Values per cell and seed (NaN where the run has not finished), in the column's unit; results
   * cells are read from their harness's file (relative to {@code tableFile}), refusing stale lines.
   */
  public double[][][] collect(List<Job> jobs, TableSpec table, Path tableFile) {
    double[][][] values = collectRuns(jobs, table);
    Set<ReferenceResults> read = new java.util.LinkedHashSet<>();
    for (int r = 0; r < table.rows().size(); r++) {
      for (int c = 0; c < table.columns().size(); c++) {
        TableSpec.Cell cell = table.cellOf(r, c);
        if (cell == null || !cell.isReferenceResults()) {
          continue;
        }
        if (tableFile == null) {
          throw new IllegalStateException("results cells need the table file's path");
        }
        TableSpec.Column col = table.columns().get(c);
        ReferenceResults lines = referenceResults(tableFile, cell);
        read.add(lines);
        double[] got = lines.values(table.seeds(), col.resultsKey() != null ? col.resultsKey() : col.metric());
        for (int k = 0; k < got.length; k++) {
          values[r][c][k] = got[k] * col.scale();
        }
      }
    }
    warnIfOtherWeights(jobs, table, read);
    return values;
  }

  /**
   * A results cell's harness file (relative to {@code tableFile}), read and its harness hashed once
   * per runner however many columns show it and whichever of collecting and pairing asks first.
   */
  private ReferenceResults referenceResults(Path tableFile, TableSpec.Cell cell) {
    Path file = tableFile.toAbsolutePath().getParent().resolve(cell.results()).normalize();
    return resultsRead.computeIfAbsent(file + " " + cell.match(), k -> ReferenceResults.read(file, cell.match(), Path.of("")));
  }

  /**
   * A reference row and fga's rows are comparable only from the same starting weights: when the
   * reference lines record the SHA-256 of the backbone file they loaded and a finished fga run of
   * the table loaded a file with another hash (its {@code spec.resolved.yaml}'s
   * {@code backbone.weights}, hashed now), one line on the log says so.
   */
  private void warnIfOtherWeights(List<Job> jobs, TableSpec table, Collection<ReferenceResults> results) {
    Set<String> reference = new TreeSet<>();
    results.forEach(r -> reference.addAll(r.weightsSha256(table.seeds())));
    if (reference.isEmpty()) {
      return;
    }
    Map<Path, String> hashed = new HashMap<>();
    Set<String> ours = new TreeSet<>();
    for (Job j : jobs) {
      RunDir run = new RunDir(j.dir());
      if (!Files.isRegularFile(run.metrics()) || !Files.isRegularFile(run.spec())) {
        continue;
      }
      String weights = resolvedSpec(run).path("backbone").path("weights").asText(null);
      if (weights == null) { // no backbone.weights, or null: nothing loaded, nothing to compare
        continue;
      }
      if (!Files.isRegularFile(Path.of(weights))) {
        log.println("fga table: warning: cannot check the backbone weights of " + run.root() + ": " + weights
            + " is not here (run fga table from the folder that holds runs/)");
        continue;
      }
      ours.add(hashed.computeIfAbsent(Path.of(weights).toAbsolutePath().normalize(), ReferenceResults::sha256));
    }
    if (!ours.isEmpty() && !ours.equals(reference)) {
      log.println("fga table: warning: the reference rows started from backbone weights " + shortHashes(reference)
          + ", fga's runs from " + shortHashes(ours) + ": not the same starting point (rerun one side)");
    }
  }

  /**
   * The rows whose every finished run started from the reference row's draws of its seed: its
   * resolved spec reads {@code init.weights}, and the file for the run's seed says, in its
   * safetensors metadata, the {@code seed}, {@code method} and {@code reference} of the reference
   * line of that seed. Only these rows are compared with a harness's row seed by seed (paired t);
   * a row where some runs do and some do not is named on the log and stays unpaired (Welch).
   */
  public Set<Integer> rowsPairedWithReferenceResults(List<Job> jobs, TableSpec table, Path tableFile) {
    Set<Integer> out = new TreeSet<>();
    int ref = table.rows().stream().map(TableSpec.Row::label).toList().indexOf(table.reference());
    TableSpec.Cell results = null;
    for (int c = 0; ref >= 0 && c < table.columns().size() && results == null; c++) {
      TableSpec.Cell cell = table.cellOf(ref, c);
      results = cell != null && cell.isReferenceResults() ? cell : null;
    }
    if (results == null || tableFile == null) {
      return out;
    }
    ReferenceResults lines = referenceResults(tableFile, results);
    Map<Integer, Boolean> paired = new HashMap<>(); // row -> every finished run so far started from the reference's draws
    Map<Integer, Boolean> readsInit = new HashMap<>(); // row -> some run reads init.weights
    for (Job j : jobs) {
      RunDir run = new RunDir(j.dir());
      long seed = table.seeds().get(j.seedIndex());
      JsonNode line = lines.line(seed);
      if (j.row() == ref || line == null || !Files.isRegularFile(run.metrics()) || !Files.isRegularFile(run.spec())) {
        continue;
      }
      String template = resolvedSpec(run).path("init").path("weights").asText(null);
      boolean same = template != null && startedFrom(run, template, seed, line);
      paired.merge(j.row(), same, Boolean::logicalAnd);
      readsInit.merge(j.row(), template != null, Boolean::logicalOr);
    }
    paired.forEach((row, all) -> {
      if (all) {
        out.add(row);
      } else if (readsInit.get(row)) {
        // a row meant to be paired that is not: said, never silently Welch
        log.println("fga table: warning: row '" + table.rows().get(row).label() + "' reads init.weights, but not every run's"
            + " file is the reference line's draws of its seed (seed, method and reference in the file's metadata):"
            + " compared unpaired (Welch)");
      }
    });
    return out;
  }

  /** A finished run's {@code spec.resolved.yaml}, as a tree. */
  private JsonNode resolvedSpec(RunDir run) {
    try {
      return plugins.yaml().readTree(run.spec().toFile());
    } catch (IOException e) {
      throw new FgaUserException("cannot read " + run.spec() + ": " + e.getMessage());
    }
  }

  /** Whether the run's {@code init.weights} file of {@code seed} is the reference line's draws. */
  private boolean startedFrom(RunDir run, String template, long seed, JsonNode line) {
    Path file = new org.fga.core.spec.InitSpec(template).fileFor(seed);
    if (!Files.isRegularFile(file)) {
      log.println("fga table: warning: cannot check the starting draws of " + run.root() + ": " + file + " is not here");
      return false;
    }
    Map<String, String> meta = org.fga.backbones.weights.Safetensors.metadata(file);
    return Long.toString(seed).equals(meta.get("seed"))
        && line.path("method").asText("").equals(meta.get("method"))
        && line.path("reference").asText("").equals(meta.get("reference"));
  }

  private static String shortHashes(Set<String> hashes) {
    return hashes.stream().map(h -> h.substring(0, Math.min(12, h.length()))).toList().toString();
  }

  private double[][][] collectRuns(List<Job> jobs, TableSpec table) {
    double[][][] values = new double[table.rows().size()][table.columns().size()][];
    for (double[][] row : values) {
      for (int c = 0; c < row.length; c++) {
        row[c] = new double[table.seeds().size()];
        Arrays.fill(row[c], Double.NaN);
      }
    }
    for (Job j : jobs) {
      Path metrics = new RunDir(j.dir()).metrics();
      if (!Files.isRegularFile(metrics)) {
        continue;
      }
      String source = table.columns().get(j.column()).name();
      try {
        JsonNode m = plugins.json().readTree(metrics.toFile()).path("metrics");
        for (int c = 0; c < table.columns().size(); c++) {
          TableSpec.Column col = table.columns().get(c);
          if (c == j.column() || source.equals(col.runsOf())) {
            values[j.row()][c][j.seedIndex()] = new MetricPath(col.metric()).read(m, metrics.toString()) * col.scale();
          }
        }
      } catch (java.io.IOException e) {
        throw new FgaUserException("cannot read " + metrics + ": " + e.getMessage());
      }
    }
    return values;
  }

  /** The run folder of one cell and seed, under the table's folder: {@code <row>__<column>-s<seed>}. */
  static String runName(String row, String column, long seed) {
    return ExperimentSpec.seededName(slug(row) + "__" + slug(column), seed);
  }

  static String slug(String s) {
    String out = s.replaceAll("[^A-Za-z0-9._+-]+", "-").replaceAll("(^-+|-+$)", "");
    return out.isEmpty() ? "x" : out;
  }
}
