package org.fga.methods.gain.bench;

import org.fga.perf.Medians;
import org.fga.perf.StepBenchOptions;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fga.perf.InterleavedStepTimer;
import org.fga.perf.StepTimer;
import org.fga.core.backbone.BackboneSpec;
import org.fga.core.plugin.Plugins;
import org.fga.core.spec.ExperimentSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fga bench gain}: median training-step time of {@code gain} (CAM fast path, and Grad-CAM by
 * the auxiliary backward on a GAP → linear and on a conv head) against {@code baseline}, same
 * backbone, image size and batch, through the fga trainer with steps of the two strictly
 * alternating. Target: GAIN ≤ 2.5 × baseline (the median ratio over rounds).
 */
@Command(
    name = "gain",
    mixinStandardHelpOptions = true,
    description = "GAIN step time vs the baseline step on the same backbone and batch (target <= 2.5x).")
public final class BenchGainCommand implements Callable<Integer> {
  @Mixin StepBenchOptions opts = new StepBenchOptions("resnet18", null, 64, 16, 20);
  @Option(names = "--warmup", defaultValue = "5") int warmup;
  @Option(names = "--rounds", defaultValue = "3", description = "rounds per variant (the median ratio counts)") int rounds;

  @Override
  public Integer call() {
    if (opts.size < 32 || opts.batch < 1 || opts.steps < 1 || rounds < 1 || warmup < 0) {
      throw new org.fga.core.error.FgaUserException(
          "bench gain: need --size >= 32, --batch >= 1, --steps >= 1, --rounds >= 1, --warmup >= 0");
    }
    Plugins plugins = Plugins.load();
    BackboneSpec bb = StepTimer.backbone(opts.arch, opts.width);
    Map<String, Map<String, Object>> variants = new LinkedHashMap<>();
    variants.put("gain", Map.of());
    variants.put("gainGradCamBackward", Map.of("fastCam", false));
    variants.put("gainConvHead", Map.of("head", "conv-gap-linear"));
    ExperimentSpec baseline =
        StepTimer.noiseSpec(StepTimer.method(plugins, "baseline", Map.of()), bb, opts.size, opts.batch, warmup + opts.steps);
    InterleavedStepTimer timer = new InterleavedStepTimer(plugins);
    ObjectNode out = plugins.json().createObjectNode();
    out.put("arch", opts.arch).put("width", opts.width == null ? "default" : opts.width.toString());
    out.put("imageSize", opts.size).put("batch", opts.batch).put("steps", opts.steps).put("rounds", rounds);
    ObjectNode results = out.putObject("variants");
    for (var e : variants.entrySet()) {
      ExperimentSpec spec = StepTimer.noiseSpec(StepTimer.method(plugins, "gain", e.getValue()), bb, opts.size, opts.batch, warmup + opts.steps);
      // Steps of baseline and the variant strictly alternate, so load from other processes hits
      // both alike; every round is reported, the headline is the median ratio over rounds.
      ObjectNode v = results.putObject(e.getKey());
      v.put("method", methodBlock(e.getValue()));
      var roundsOut = v.putArray("rounds");
      double[] ratios = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        double[] ms = timer.medianMillis(baseline, spec, warmup, opts.steps);
        ratios[r] = ms[1] / ms[0];
        roundsOut.addObject().put("baselineMsPerStep", round(ms[0])).put("msPerStep", round(ms[1]))
            .put("ratio", round(ratios[r]));
        System.err.printf("round %d: baseline %8.1f ms/step, %-20s %8.1f ms/step, ratio %.2f%n",
            r + 1, ms[0], e.getKey(), ms[1], ratios[r]);
      }
      v.put("medianRatio", round(Medians.of(ratios)));
    }
    double gainRatio = results.get("gain").get("medianRatio").asDouble();
    out.put("target", 2.5);
    out.put("gainWithinTarget", gainRatio <= 2.5);
    try {
      System.out.println(plugins.json().writerWithDefaultPrettyPrinter().writeValueAsString(out));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return 0;
  }


  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /** The variant as an experiment file's {@code method:} block, for the report. */
  private static String methodBlock(Map<String, Object> options) {
    StringBuilder b = new StringBuilder("{type: gain");
    options.forEach((k, v) -> b.append(", ").append(k).append(": ").append(v));
    return b.append('}').toString();
  }
}
