package org.fga.methods.coarse2fine.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.fga.perf.InterleavedStepTimer;
import org.fga.perf.StepBenchOptions;
import org.fga.perf.Medians;
import org.fga.perf.StepTimer;
import org.fga.core.error.FgaUserException;
import org.fga.core.backbone.BackboneSpec;
import org.fga.core.spec.ExperimentSpec;
import java.util.Map;
import org.fga.core.plugin.Plugins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fga bench coarse2fine}: the training step of {@code coarse2fine} in stage 1 (coarse
 * network only) and in stage 2 (coarse + inverse mapping + zoom + fine stage) against the
 * {@code baseline} step on the same backbone, batch and image size, through the fga trainer. Each
 * comparison interleaves the two methods' steps one by one ({@link InterleavedStepTimer}) so that
 * load from other processes hits both alike; the figure is the median of the paired step ratios.
 * No target: the paper gives no cost; stage 2 runs the backbone twice, so about 2× stage 1 is the
 * expectation.
 */
@Command(
    name = "coarse2fine",
    mixinStandardHelpOptions = true,
    description = "Coarse2Fine stage-1 and stage-2 train-step time vs baseline.")
public final class BenchCoarse2FineCommand implements Callable<Integer> {
  @Mixin StepBenchOptions opts = new StepBenchOptions("resnet18", 16, 224, 8, 10);
  @Option(names = "--output-stride", defaultValue = "32") int outputStride;
  @Option(names = "--maps", defaultValue = "32", description = "attention maps M") int maps;
  @Option(names = "--warmup", defaultValue = "3") int warmup;

  @Override
  public Integer call() throws Exception {
    if (opts.size < 32 || opts.batch < 2 || opts.steps < 1 || warmup < 0 || maps < 1) {
      throw new FgaUserException("need --size >= 32, --batch >= 2, --steps >= 1, --warmup >= 0, --maps >= 1");
    }
    Plugins plugins = Plugins.load();
    BackboneSpec bb = new BackboneSpec(opts.arch, null, null, outputStride, opts.width, null);
    InterleavedStepTimer timer = new InterleavedStepTimer(plugins);
    ExperimentSpec baseline =
        StepTimer.noiseSpec(StepTimer.method(plugins, "baseline", Map.of()), bb, opts.size, opts.batch, warmup + opts.steps);
    // stage1Epochs beyond the run: every step is stage 1; 0: every step is stage 2
    ExperimentSpec stage1 = StepTimer.noiseSpec(StepTimer.method(plugins, "coarse2fine",
        Map.of("attentionMaps", maps, "stage1Epochs", 1000)), bb, opts.size, opts.batch, warmup + opts.steps);
    ExperimentSpec stage2 = StepTimer.noiseSpec(StepTimer.method(plugins, "coarse2fine",
        Map.of("attentionMaps", maps, "stage1Epochs", 0)), bb, opts.size, opts.batch, warmup + opts.steps);
    ObjectNode out = plugins.json().createObjectNode();
    out.put("arch", opts.arch).put("width", opts.width).put("outputStride", outputStride);
    out.put("imageSize", opts.size).put("batch", opts.batch).put("maps", maps).put("timedSteps", opts.steps);
    compare(timer, baseline, stage1, "stage1", out);
    compare(timer, baseline, stage2, "stage2", out);
    System.out.println(plugins.json().writerWithDefaultPrettyPrinter().writeValueAsString(out));
    return 0;
  }

  private void compare(InterleavedStepTimer timer, ExperimentSpec baseline, ExperimentSpec method, String name, ObjectNode out)
      throws Exception {
    double[][] ms = timer.stepMillis(baseline, method, warmup, opts.steps);
    double[] paired = new double[opts.steps];
    for (int k = 0; k < opts.steps; k++) {
      paired[k] = ms[1][k] / ms[0][k];
    }
    System.err.printf("%s: baseline %.1f ms/step, coarse2fine %.1f ms/step (medians), paired ratio %.3f%n",
        name, Medians.of(ms[0]), Medians.of(ms[1]), Medians.of(paired));
    out.put(name + "BaselineMsPerStep", round(Medians.of(ms[0])));
    out.put(name + "MsPerStep", round(Medians.of(ms[1])));
    out.put(name + "Ratio", Math.round(Medians.of(paired) * 1000) / 1000.0);
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
