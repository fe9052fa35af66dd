package org.fga.bench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.fga.bench.grid.GridRow;
import org.fga.bench.grid.GridRunner;
import org.fga.bench.grid.GridTable;
import org.fga.core.metric.MetricPath;
import org.fga.core.plugin.Plugins;
import org.fga.core.run.Origin;
import org.fga.core.run.RunName;
import org.fga.core.rundir.RunDir;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.SpecReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fga grid}: several specs × several seeds → one table of mean ± std. */
@Command(
    name = "grid",
    mixinStandardHelpOptions = true,
    description = {
      "Train each spec with each seed (reusing finished runs, resuming interrupted ones) and print",
      "a markdown table of mean ± std per spec, with the paper's number where the spec has one."
    })
public final class GridCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "SPEC", description = "experiment files")
  List<Path> specs;

  @Option(names = "--seeds", split = ",", defaultValue = "0,1,2", description = "seeds (default: ${DEFAULT-VALUE})")
  List<Long> seeds;

  @Option(names = "--metrics", split = ",", required = true,
      description = "dotted paths into metrics.json's metrics, e.g. accuracy.top1,wsol.gtKnownLoc")
  List<String> metrics;

  @Option(names = "--out", defaultValue = "runs/grid", description = "where the runs go (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--compare-to", paramLabel = "SPEC_NAME", description = "add Welch's t-test p-values against this spec")
  String compareTo;

  @Option(names = "--md", paramLabel = "FILE", description = "also write the table to this file")
  Path md;

  @Option(names = "--device", paramLabel = "DEVICE", description = "cpu, gpu or gpu:N (same as -o device=...)")
  String device;

  @Option(names = {"-q", "--quiet"}, description = "no progress bars")
  boolean quiet;

  @Option(names = {"-o", "--override"}, paramLabel = "KEY=VALUE",
      description = "change one key of every spec (dotted path, value read as YAML); repeatable")
  List<String> overrides = new ArrayList<>();

  @Override
  public Integer call() {
    if (device != null) {
      overrides.add("device=" + device);
    }
    Plugins plugins = Plugins.load();
    SpecReader reader = new SpecReader(plugins);
    List<ExperimentSpec> parsed = new ArrayList<>();
    List<Origin> origins = new ArrayList<>();
    for (Path p : specs) {
      parsed.add(reader.read(p, overrides)); // every file is checked before anything trains
      RunName.requireRenamed(parsed.get(parsed.size() - 1).name(), overrides);
      origins.add(new Origin(p.toString(), overrides));
    }
    List<MetricPath> paths = metrics.stream().map(MetricPath::new).toList();
    List<GridRow> rows = new GridRunner(plugins, System.err, quiet).run(parsed, origins, seeds, out, paths);
    String table = GridTable.markdown(paths, rows, compareTo, seeds.size());
    if (md != null) {
      RunDir.writeAtomically(md, table);
    }
    System.out.print(table);
    return 0;
  }
}
