package org.fga.methods.ssl.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import java.util.List;
import java.util.Map;
import org.fga.core.backbone.BackboneSpec;
import org.fga.core.data.pipeline.ImageSize;
import org.fga.core.data.pipeline.PipelineSpec;
import org.fga.core.data.pipeline.PipelineStep;
import org.fga.core.data.pipeline.steps.FlipStep;
import org.fga.core.data.pipeline.steps.ResizeStep;
import org.fga.core.plugin.Plugins;
import org.fga.core.spec.ExperimentSpec;
import org.fga.perf.InterleavedStepTimer;
import org.fga.perf.StepBenchOptions;
import org.fga.perf.Medians;
import org.fga.perf.StepTimer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fga bench ssl}: median training-step time of {@code lcr-byol} against {@code byol} and of
 * {@code lcr-mocov2} against {@code mocov2}, same backbone, image size, batch and two-view
 * pipeline, through the fga trainer with the steps of the pair strictly alternating. LCR adds the
 * branch, the auxiliary backward through the head (not the backbone: see FeatureGradient) and the
 * fitting loss.
 */
@Command(
    name = "ssl",
    mixinStandardHelpOptions = true,
    description = "LCR step time vs its base (BYOL, MoCo v2) on the same backbone, batch and views.")
public final class BenchSslCommand implements Callable<Integer> {
  @Mixin StepBenchOptions opts = new StepBenchOptions("resnet18", null, 64, 16, 10);
  @Option(names = "--warmup", defaultValue = "3") int warmup;
  @Option(names = "--rounds", defaultValue = "3", description = "rounds per pair (the median ratio counts)") int rounds;

  /** The noise benchmark spec of {@code method}, its images resized to {@code size}, two views (a flip each). */
  static ExperimentSpec spec(Plugins plugins, String method, Map<String, Object> options, BackboneSpec bb,
      int size, int batch, int steps) {
    List<PipelineStep> resize = List.of(new ResizeStep(ImageSize.square(size), null, null));
    List<PipelineStep> flip = List.of(new FlipStep(null));
    return StepTimer.noiseSpec(StepTimer.method(plugins, method, options), bb, size, batch, steps)
        .withPipeline(new PipelineSpec(resize, resize, List.of(flip, flip)));
  }

  @Override
  public Integer call() {
    if (opts.size < 32 || opts.batch < 2 || opts.steps < 1 || rounds < 1 || warmup < 0) {
      throw new org.fga.core.error.FgaUserException(
          "bench ssl: need --size >= 32, --batch >= 2, --steps >= 1, --rounds >= 1, --warmup >= 0");
    }
    Plugins plugins = Plugins.load();
    BackboneSpec bb = StepTimer.backbone(opts.arch, opts.width);
    InterleavedStepTimer timer = new InterleavedStepTimer(plugins);
    ObjectNode out = plugins.json().createObjectNode();
    out.put("arch", opts.arch).put("width", opts.width == null ? "default" : opts.width.toString());
    out.put("imageSize", opts.size).put("batch", opts.batch).put("steps", opts.steps).put("rounds", rounds);
    ObjectNode results = out.putObject("pairs");
    // MoCo's queue must hold whole batches: 64 x batch keys keeps it small and a multiple
    Map<String, Object> queue = Map.of("queueSize", 64 * opts.batch);
    for (String base : List.of("byol", "mocov2")) {
      Map<String, Object> options = base.equals("mocov2") ? queue : Map.of();
      ExperimentSpec plain = spec(plugins, base, options, bb, opts.size, opts.batch, warmup + opts.steps);
      ExperimentSpec lcr = spec(plugins, "lcr-" + base, options, bb, opts.size, opts.batch, warmup + opts.steps);
      ObjectNode v = results.putObject("lcr-" + base);
      v.put("base", base).put("method", "lcr-" + base).put("options", options.toString());
      var roundsOut = v.putArray("rounds");
      double[] ratios = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        double[] ms = timer.medianMillis(plain, lcr, warmup, opts.steps);
        ratios[r] = ms[1] / ms[0];
        roundsOut.addObject().put("baseMsPerStep", round(ms[0])).put("msPerStep", round(ms[1]))
            .put("ratio", round(ratios[r]));
        System.err.printf("round %d: %-7s %8.1f ms/step, lcr-%-7s %8.1f ms/step, ratio %.2f%n",
            r + 1, base, ms[0], base, ms[1], ratios[r]);
      }
      v.put("medianRatio", round(Medians.of(ratios)));
    }
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
}
