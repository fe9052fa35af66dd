package org.fga.bench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fga.core.error.FgaUserException;
import org.fga.core.method.MethodProvider;
import org.fga.core.plugin.Plugins;
import org.fga.core.run.ExperimentRunner;
import org.fga.core.rundir.RunDir;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.EvalSpec;
import org.fga.core.spec.ScheduleSpec;
import org.fga.core.backbone.BackboneSpec;
import org.fga.datasets.synthetic.SyntheticConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fga demo}: every registered method, with its paper defaults, trained on the built-in
 * synthetic fine-grained set (a small ResNet-18 on CPU), evaluated for top-1 accuracy and
 * GT-known localisation, side by side in one table.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Train baseline and every registered method on built-in synthetic data, evaluate them and",
      "print a comparison table (stderr; --json for JSON on stdout). Runs go to runs/demo/<method>;",
      "finished runs are reused, so a second call only prints the table."
    })
public final class DemoCommand implements Callable<Integer> {
  @Option(names = "--quick", description = "a smoke run of well under a minute (tiny model and data)")
  boolean quick;

  @Option(names = "--out", description = "where the runs go (default: runs/demo, or runs/demo-quick with --quick)")
  Path out;

  @Option(names = "--methods", split = ",", description = "only these methods (default: all registered)")
  List<String> methods;

  @Option(names = "--json", description = "print the results as JSON on stdout")
  boolean json;

  @Option(names = {"-q", "--quiet"}, description = "no progress bars")
  boolean quiet;

  /** Demo sizes: the full demo takes about 7½ minutes on 2 idle cores, the quick one about 10 s. */
  record Size(int imageSize, int width, int train, int val, int test, int epochs, int batch) {}

  static final Size FULL = new Size(64, 16, 1200, 200, 400, 12, 32);
  static final Size QUICK = new Size(32, 8, 192, 64, 96, 2, 32);

  /**
   * Every method gets the same backbone. Output stride 8 (layer3 and layer4 without striding, as
   * RFGA's paper setting) keeps attention maps at imageSize/8: at stride 32 a 32 px image has a
   * 1×1 map, every method's box is the whole image, and the localisation columns cannot differ.
   */
  static ExperimentSpec spec(Plugins plugins, String method, ScheduleSpec schedule, Size z) {
    return new ExperimentSpec(
        method,
        plugins.methods().get(method).defaultConfig(),
        new BackboneSpec("resnet18", null, null, 8, z.width(), null),
        SyntheticConfig.builder().optTask("classification").optImageSize(z.imageSize()).optNumClasses(6)
            .optTrainSize(z.train()).optValSize(z.val()).optTestSize(z.test()).optSeed(11).build(),
        null,
        schedule,
        new EvalSpec(List.of(plugins.metrics().get("accuracy").defaultConfig(),
            plugins.metrics().get("wsol").defaultConfig()), null, "val", 6, null, null, null),
        0L,
        null,
        null,
        null);
  }

  /** The schedule every method trains with unless it ships its own (the baseline's). */
  static ScheduleSpec defaultSchedule(Size z) {
    return ScheduleSpec.builder().optEpochs(z.epochs()).optBatchSize(z.batch()).optOptimizer("sgd").optLr(0.05)
        .optMomentum(0.9).optWeightDecay(5.0e-4).optLrSchedule("cosine").optWarmupEpochs(1.0).build();
  }

  /**
   * The schedule a method trains with in the demo, and where it comes from. A method module may
   * ship {@code fga-demo/<method>.yaml} ({@code schedule:} keys replacing the default's, and
   * {@code source:} naming the synthetic spec they follow): CAL and WS-DAN do, because their
   * classifier reads 100× an L2-normalised feature and diverges at the baseline's rate. Epochs
   * and batch size always come from the demo size.
   */
  record DemoSchedule(ScheduleSpec spec, String source) {
    String summary() {
      return spec.optimizer() + " lr " + plain(spec.lr())
          + (spec.backboneLrMult() != 1.0 ? " ×" + plain(spec.backboneLrMult()) + " backbone" : "");
    }

    private static String plain(double v) {
      return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
  }

  /**
   * Why a method stays out of the demo's table, if its module says so ({@code skip:} in its
   * {@code fga-demo/<method>.yaml}): the self-supervised methods have no classifier and no class
   * maps, so top-1 and localisation do not apply to them.
   */
  static String skipReason(Plugins plugins, String method) throws java.io.IOException {
    ClassLoader module = plugins.methods().get(method).getClass().getClassLoader();
    try (var in = module.getResourceAsStream("fga-demo/" + method + ".yaml")) {
      if (in == null) {
        return null;
      }
      JsonNode skip = plugins.yaml().readTree(in).path("skip");
      return skip.isMissingNode() || skip.isNull() ? null : skip.asText();
    }
  }

  static DemoSchedule schedule(Plugins plugins, String method, Size z) throws java.io.IOException {
    ScheduleSpec schedule = defaultSchedule(z);
    // from the method's own class loader: its module is loaded as a plugin, not on fga-bench's path
    ClassLoader module = plugins.methods().get(method).getClass().getClassLoader();
    try (var in = module.getResourceAsStream("fga-demo/" + method + ".yaml")) {
      if (in == null) {
        return new DemoSchedule(schedule, "default");
      }
      JsonNode own = plugins.yaml().readTree(in);
      if (!(own.path("schedule") instanceof ObjectNode mine)) {
        throw new IllegalStateException("fga-demo/" + method + ".yaml has no schedule mapping");
      }
      ObjectNode node = plugins.json().valueToTree(schedule);
      node.setAll(mine);
      node.put("epochs", z.epochs());
      node.put("batchSize", z.batch());
      return new DemoSchedule(plugins.json().treeToValue(node, ScheduleSpec.class),
          own.path("source").asText("fga-demo/" + method + ".yaml"));
    }
  }

  @Override
  public Integer call() throws Exception {
    Plugins plugins = Plugins.load();
    Size z = quick ? QUICK : FULL;
    if (out == null) {
      // separate folders: the two sizes' runs must never be reused for each other
      out = Path.of(quick ? "runs/demo-quick" : "runs/demo");
    }
    List<String> names = new ArrayList<>(methods == null ? plugins.methods().names() : methods);
    names.forEach(plugins.methods()::get); // unknown names fail here, listing the known ones
    names.remove("baseline");
    names.add(0, "baseline");
    for (String name : List.copyOf(names)) {
      String why = skipReason(plugins, name);
      if (why != null) {
        System.err.printf("demo: %s is not in this table: %s%n", name, why);
        names.remove(name);
      }
    }
    ExperimentRunner runner = new ExperimentRunner(plugins, System.err, quiet);
    Map<String, ExperimentSpec> specs = new LinkedHashMap<>();
    Map<String, DemoSchedule> schedules = new LinkedHashMap<>();
    List<String> stale = new ArrayList<>();
    for (String name : names) {
      DemoSchedule schedule = schedule(plugins, name, z);
      schedules.put(name, schedule);
      ExperimentSpec spec = spec(plugins, name, schedule.spec(), z);
      specs.put(name, spec);
      // a run left by another demo setting (an earlier fga, --quick vs full) must not be reused or
      // resumed under today's table; it is the user's data, so it is not overwritten either. All
      // runs are checked before any trains.
      try {
        runner.state(spec, out.resolve(name));
      } catch (FgaUserException e) {
        stale.add(name);
      }
    }
    if (!stale.isEmpty()) {
      throw new FgaUserException(out + " holds demo runs made with other settings (" + String.join(", ", stale)
          + "; an earlier fga, or --quick vs the full demo): remove them or choose another --out");
    }
    ArrayNode rows = plugins.json().createArrayNode();
    long start = System.nanoTime();
    for (String name : names) {
      MethodProvider p = plugins.methods().get(name);
      ExperimentSpec spec = specs.get(name);
      Path dir = out.resolve(name);
      RunDir run = new RunDir(dir);
      ObjectNode row = rows.addObject();
      row.put("method", name);
      row.put("schedule", schedules.get(name).summary());
      row.put("scheduleSource", schedules.get(name).source());
      long t0 = System.nanoTime();
      try {
        if (runner.state(spec, dir) == ExperimentRunner.RunState.FINISHED) {
          row.put("reused", true);
        } else {
          System.err.printf("demo: training %s (%s) with %s (%s)%n", name, p.description(),
              schedules.get(name).summary(), schedules.get(name).source());
        }
        JsonNode result = runner.runOrReuse(spec, dir);
        JsonNode m = result.path("metrics");
        if (m.path("wsol").has("thresholdSelection")) {
          // before wsol followed wsolevaluation's code, its gtKnownLoc was taken at the held-out τ
          throw new FgaUserException(run.metrics() + " was scored by an earlier fga whose wsol numbers are not the"
              + " protocol's; delete " + dir + " to train it again");
        }
        row.put("top1", m.path("accuracy").path("top1").asDouble(Double.NaN));
        row.put("gtKnownLoc", m.path("wsol").path("gtKnownLoc").asDouble(Double.NaN));
        row.put("maxBoxAccV2", m.path("wsol").path("maxBoxAccV2").asDouble(Double.NaN));
        LossRise.of(run.trainLog()).ifPresent(rise -> row.put("lossRose", rise));
      } catch (FgaUserException e) {
        row.put("error", e.getMessage());
      }
      row.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
    }
    String table = table(rows, (System.nanoTime() - start) / 1e9, out);
    System.err.print(table);
    RunDir.writeAtomically(out.resolve("summary.md"), table);
    RunDir.writeAtomically(out.resolve("summary.json"), plugins.json().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
    if (json) {
      System.out.println(plugins.json().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
    }
    return 0;
  }

  static String table(ArrayNode rows, double seconds, Path out) {
    StringBuilder sb = new StringBuilder();
    sb.append("\n| method | top-1 (%) | GT-known Loc (%) | MaxBoxAccV2 (%) | time (s) | schedule |\n");
    sb.append("|---|---|---|---|---|---|\n");
    for (JsonNode r : rows) {
      if (r.has("error")) {
        sb.append(String.format(Locale.ROOT, "| %s | failed: %s | | | | |%n", r.get("method").asText(), r.get("error").asText()));
        continue;
      }
      // a diverging run trains to any number: its row says so
      String rose = r.has("lossRose") ? " ⚠ diverged: " + r.get("lossRose").asText() : "";
      sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s%s |%n", r.get("method").asText(),
          pct(r.get("top1")), pct(r.get("gtKnownLoc")), pct(r.get("maxBoxAccV2")),
          r.path("reused").asBoolean() ? "reused" : r.get("seconds").asText(), r.path("schedule").asText(), rose));
    }
    sb.append(String.format(Locale.ROOT, "%nSchedules: %s, cosine, %s unless a method ships its own:",
        "sgd lr 0.05", "momentum 0.9, weight decay 5e-4"));
    boolean any = false;
    for (JsonNode r : rows) {
      if (!"default".equals(r.path("scheduleSource").asText("default"))) {
        sb.append(String.format(Locale.ROOT, " %s follows %s;", r.get("method").asText(), r.get("scheduleSource").asText()));
        any = true;
      }
    }
    sb.append(any ? "\n" : " none.\n");
    sb.append(String.format(Locale.ROOT,
        "%nGT-known Loc and MaxBoxAccV2 are wsolevaluation's maxima over thresholds on the test split; the"
            + " threshold chosen on val and the test numbers there are in metrics.json's wsol.atHeldOutThreshold.%n"));
    sb.append(String.format(Locale.ROOT,
        "%nTotal %.0f s. Runs, attention overlays and metrics.json under each %s/<method>/.%n", seconds, out));
    return sb.toString();
  }

  private static String pct(JsonNode v) {
    return v == null || Double.isNaN(v.asDouble()) ? "–" : String.format(Locale.ROOT, "%.1f", 100 * v.asDouble());
  }
}
