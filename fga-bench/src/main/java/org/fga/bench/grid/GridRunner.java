package org.fga.bench.grid;

import org.fga.core.metric.MetricPath;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fga.bench.pretrain.PretrainedWeights;
import org.fga.core.naming.ConfigTypes;
import org.fga.core.plugin.Plugins;
import org.fga.core.run.ExperimentRunner;
import org.fga.core.run.Origin;
import org.fga.core.rundir.RunDir;
import org.fga.core.spec.ExperimentSpec;

/**
 * Trains every spec with every seed under {@code out/<name>-s<seed>/}. A finished run (one with
 * {@code metrics.json}) is reused, an interrupted one resumed, so a grid can be stopped and
 * restarted at any time.
 */
public final class GridRunner {
  private final Plugins plugins;
  private final PrintStream log;
  private final boolean quiet;

  public GridRunner(Plugins plugins, PrintStream log, boolean quiet) {
    this.plugins = plugins;
    this.log = log;
    this.quiet = quiet;
  }

  /**
   * @param origins where each spec came from (its file and the {@code -o} overrides), recorded in
   *     each run's {@code metrics.json}; one per spec
   */
  public List<GridRow> run(List<ExperimentSpec> specs, List<Origin> origins, List<Long> seeds, Path out,
      List<MetricPath> metrics) {
    ExperimentRunner runner = new ExperimentRunner(plugins, log, quiet);
    PretrainedWeights pretrained = new PretrainedWeights(plugins, log, quiet);
    List<GridRow> rows = new ArrayList<>();
    int total = specs.size() * seeds.size();
    int done = 0;
    for (int i = 0; i < specs.size(); i++) {
      ExperimentSpec spec = specs.get(i);
      Origin origin = origins.get(i);
      List<double[]> values = new ArrayList<>();
      metrics.forEach(m -> values.add(new double[seeds.size()]));
      for (int k = 0; k < seeds.size(); k++) {
        long seed = seeds.get(k);
        ExperimentSpec s = spec.forSeed(seed);
        Path dir = out.resolve(s.name());
        RunDir run = new RunDir(dir);
        done++;
        log.printf("grid: [%d/%d] %s%s%n", done, total, s.name(),
            runner.state(pretrained.cachedSpec(s), dir) == ExperimentRunner.RunState.FINISHED
                ? " (finished earlier, reused)" : "");
        runner.runOrReuse(pretrained.resolve(s), dir, origin);
        JsonNode m = read(run.metrics()).path("metrics");
        for (int j = 0; j < metrics.size(); j++) {
          values.get(j)[k] = metrics.get(j).read(m, run.metrics().toString());
        }
      }
      rows.add(new GridRow(spec.name(), ConfigTypes.nameOf(spec.method()), values, spec.paper()));
    }
    return rows;
  }

  private JsonNode read(Path file) {
    try {
      return plugins.json().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
