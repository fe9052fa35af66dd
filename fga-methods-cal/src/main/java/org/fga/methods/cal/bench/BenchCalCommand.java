package org.fga.methods.cal.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.fga.perf.StepTimer;
import org.fga.perf.StepBenchOptions;
import org.fga.core.backbone.BackboneSpec;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.plugin.Plugins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fga bench cal}: median training-step time of {@code cal} (and {@code wsdan}) against
 * {@code baseline} on the same backbone, image size and batch, through the fga trainer on in-memory
 * noise. CAL runs the network on the raw batch and on 2B augmented images, so about 3× is the
 * floor; the target is at most 3.2×. Reports wall time and process CPU time per step (run with
 * {@code OMP_NUM_THREADS=1} on a shared machine: the CPU time is then the work, independent of the
 * share of the machine the process got).
 */
@Command(
    name = "cal",
    mixinStandardHelpOptions = true,
    description = "CAL / WS-DAN train-step time vs baseline (target: cal <= 3.2x baseline).")
public final class BenchCalCommand implements Callable<Integer> {
  @Mixin StepBenchOptions opts = new StepBenchOptions("resnet18", null, 224, 16, 10);
  @Option(names = "--maps", defaultValue = "32", description = "attention maps M") int maps;
  @Option(names = "--warmup", defaultValue = "3") int warmup;
  @Option(names = "--rounds", defaultValue = "2", description = "alternating rounds of each method") int rounds;

  @Override
  public Integer call() throws Exception {
    Plugins plugins = Plugins.load();
    BackboneSpec bb = StepTimer.backbone(opts.arch, opts.width);
    ExperimentSpec[] methods = {
      StepTimer.noiseSpec(StepTimer.method(plugins, "baseline", java.util.Map.of()), bb, opts.size, opts.batch, warmup + opts.steps),
      StepTimer.noiseSpec(StepTimer.method(plugins, "cal", java.util.Map.of("attentionMaps", maps)), bb, opts.size, opts.batch, warmup + opts.steps),
      StepTimer.noiseSpec(StepTimer.method(plugins, "wsdan", java.util.Map.of("attentionMaps", maps)), bb, opts.size, opts.batch, warmup + opts.steps)};
    double[][] ms = new double[methods.length][rounds];
    double[][] cpu = new double[methods.length][rounds];
    StepTimer timer = new StepTimer(plugins);
    for (int r = 0; r < rounds; r++) { // alternate so that drift in machine load hits every method
      for (int k = 0; k < methods.length; k++) {
        StepTimer.Timing t = timer.timing(methods[k], warmup, opts.steps);
        ms[k][r] = t.wallMs();
        cpu[k][r] = t.cpuMs();
      }
      System.err.printf("round %d (wall / cpu ms per step): baseline %.0f / %.0f, cal %.0f / %.0f, wsdan %.0f / %.0f%n",
          r + 1, ms[0][r], cpu[0][r], ms[1][r], cpu[1][r], ms[2][r], cpu[2][r]);
    }
    double base = best(ms[0]);
    double cal = best(ms[1]);
    double wsdan = best(ms[2]);
    double baseCpu = best(cpu[0]);
    double calCpu = best(cpu[1]);
    double wsdanCpu = best(cpu[2]);
    ObjectNode out = plugins.json().createObjectNode();
    out.put("arch", opts.arch).put("imageSize", opts.size).put("batch", opts.batch).put("attentionMaps", maps);
    if (opts.width != null) {
      out.put("width", opts.width);
    }
    out.put("baselineMsPerStep", round(base)).put("calMsPerStep", round(cal)).put("wsdanMsPerStep", round(wsdan));
    out.put("calOverBaseline", round(cal / base)).put("wsdanOverBaseline", round(wsdan / base));
    out.put("baselineCpuMsPerStep", round(baseCpu)).put("calCpuMsPerStep", round(calCpu))
        .put("wsdanCpuMsPerStep", round(wsdanCpu));
    out.put("calOverBaselineCpu", round(calCpu / baseCpu)).put("wsdanOverBaselineCpu", round(wsdanCpu / baseCpu));
    out.put("threads", ai.djl.engine.Engine.getInstance().getEngineName() + " intra-op "
        + System.getenv().getOrDefault("OMP_NUM_THREADS", "default"));
    out.put("target", 3.2).put("withinTarget", cal / base <= 3.2);
    System.out.println(plugins.json().writerWithDefaultPrettyPrinter().writeValueAsString(out));
    return 0;
  }

  /** The fastest round's median: the least disturbed by other load on the machine. */
  private static double best(double[] xs) {
    return Arrays.stream(xs).min().orElseThrow();
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
