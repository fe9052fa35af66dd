package org.fga.methods.rfga.bench;

import org.fga.perf.Medians;
import org.fga.perf.StepBenchOptions;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.fga.perf.InterleavedStepTimer;
import org.fga.perf.StepTimer;
import org.fga.core.backbone.BackboneSpec;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.plugin.Plugins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fga bench rfga}: the training step of {@code rfga} against {@code cam} (the same network
 * without the module) on the same backbone, batch and image size, both through the fga trainer.
 * Target: rfga ≤ 1.15 × cam. The two train side by side with their steps interleaved one by one
 * ({@link InterleavedStepTimer}), so that load from other processes hits both alike. The figure
 * is the median over all timed steps of the paired ratio rfga step / adjacent cam step; medians of
 * each and per-round ratios are reported beside it.
 */
@Command(
    name = "rfga",
    mixinStandardHelpOptions = true,
    description = "Step time of rfga vs cam (target: ratio <= 1.15).")
public final class BenchRfgaCommand implements Callable<Integer> {
  static final double TARGET = 1.15;

  // size 224: the paper's 28x28 maps at outputStride 8
  @Mixin StepBenchOptions opts = new StepBenchOptions("resnet50", 16, 224, 4, 10);
  @Option(names = "--output-stride", defaultValue = "8", description = "8: layer3 and layer4 at stride 1, as in RFGA")
  int outputStride;
  @Option(names = "--warmup", defaultValue = "3") int warmup;
  @Option(names = "--rounds", defaultValue = "4") int rounds;

  @Override
  public Integer call() throws Exception {
    if (opts.size < 32 || opts.batch < 2 || opts.steps < 1 || rounds < 1 || warmup < 0) {
      throw new org.fga.core.error.FgaUserException(
          "need --size >= 32, --batch >= 2 (batch norm in the module), --steps >= 1, --rounds >= 1, --warmup >= 0");
    }
    Plugins plugins = Plugins.load();
    BackboneSpec bb = new BackboneSpec(opts.arch, null, null, outputStride, opts.width, null);
    InterleavedStepTimer timer = new InterleavedStepTimer(plugins);
    ExperimentSpec camSpec =
        StepTimer.noiseSpec(StepTimer.method(plugins, "cam", java.util.Map.of()), bb, opts.size, opts.batch, warmup + opts.steps);
    ExperimentSpec rfgaSpec =
        StepTimer.noiseSpec(StepTimer.method(plugins, "rfga", java.util.Map.of()), bb, opts.size, opts.batch, warmup + opts.steps);
    double[] cam = new double[rounds * opts.steps];
    double[] rfga = new double[rounds * opts.steps];
    double[] paired = new double[rounds * opts.steps];
    double[] roundRatios = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      // cam first in even rounds, rfga first in odd ones: neither always gets the warmer cache
      double[][] ms = r % 2 == 0 ? timer.stepMillis(camSpec, rfgaSpec, warmup, opts.steps)
          : reverse(timer.stepMillis(rfgaSpec, camSpec, warmup, opts.steps));
      for (int k = 0; k < opts.steps; k++) {
        int i = r * opts.steps + k;
        cam[i] = ms[0][k];
        rfga[i] = ms[1][k];
        paired[i] = rfga[i] / cam[i];
      }
      roundRatios[r] = Medians.of(ms[1]) / Medians.of(ms[0]);
      System.err.printf("round %d: cam %.1f ms/step, rfga %.1f ms/step (medians), ratio %.3f%n",
          r + 1, Medians.of(ms[0]), Medians.of(ms[1]), roundRatios[r]);
    }
    // The figure: the median of the paired step ratios (each rfga step over the cam step that ran
    // next to it), which cancels load that drifts on a shared machine better than whole rounds.
    double ratio = Medians.of(paired);
    ObjectNode out = plugins.json().createObjectNode();
    out.put("arch", opts.arch).put("width", opts.width).put("outputStride", outputStride);
    out.put("imageSize", opts.size).put("batch", opts.batch).put("timedSteps", opts.steps).put("rounds", rounds);
    out.put("camMsPerStep", round(Medians.of(cam))).put("rfgaMsPerStep", round(Medians.of(rfga)));
    out.put("ratio", round3(ratio)).put("target", TARGET).put("pass", ratio <= TARGET);
    out.put("ratioOfMedians", round3(Medians.of(rfga) / Medians.of(cam)));
    out.putPOJO("roundRatios", StepTimer.toList(Arrays.stream(roundRatios).map(BenchRfgaCommand::round3).toArray()));
    System.out.println(plugins.json().writerWithDefaultPrettyPrinter().writeValueAsString(out));
    return 0;
  }

  private static double[][] reverse(double[][] ab) {
    return new double[][] {ab[1], ab[0]};
  }

  private static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }


  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
