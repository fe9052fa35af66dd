package org.fga.bench.cli.ssl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.fga.bench.perf.InterleavedStepTimer;
import org.fga.bench.perf.Medians;
import org.fga.core.plugin.Plugins;
import picocli.CommandLine.Command;
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
  @Option(names = "--arch", defaultValue = "resnet18") String arch;
  @Option(names = "--width", description = "backbone width (default: the architecture's)") Integer width;
  @Option(names = "--size", defaultValue = "64") int size;
  @Option(names = "--batch", defaultValue = "16") int batch;
  @Option(names = "--warmup", defaultValue = "3") int warmup;
  @Option(names = "--steps", defaultValue = "10", description = "timed steps per round") int steps;
  @Option(names = "--rounds", defaultValue = "3", description = "rounds per pair (the median ratio counts)") int rounds;

  static String spec(String method, String backbone, int size, int batch, int steps) {
    return """
        name: bench
        method: %s
        backbone: %s
        data: {type: noise, imageSize: %d, size: %d}
        pipeline: {train: [{type: resize, size: [%d, %d]}], test: [{type: resize, size: [%d, %d]}],
                   views: [[{type: flip}], [{type: flip}]]}
        schedule: {epochs: 1, batchSize: %d, lr: 0.01, lrSchedule: constant, logEvery: 1000000}
        eval: {metrics: []}
        """.formatted(method, backbone, size, batch * steps, size, size, size, size, batch);
  }

  @Override
  public Integer call() {
    if (size < 32 || batch < 2 || steps < 1 || rounds < 1 || warmup < 0) {
      throw new org.fga.core.error.FgaUserException(
          "bench ssl: need --size >= 32, --batch >= 2, --steps >= 1, --rounds >= 1, --warmup >= 0");
    }
    Plugins plugins = Plugins.load();
    String bb = width == null ? "{arch: " + arch + "}" : "{arch: " + arch + ", width: " + width + "}";
    InterleavedStepTimer timer = new InterleavedStepTimer(plugins);
    ObjectNode out = plugins.json().createObjectNode();
    out.put("arch", arch).put("width", width == null ? "default" : width.toString());
    out.put("imageSize", size).put("batch", batch).put("steps", steps).put("rounds", rounds);
    ObjectNode results = out.putObject("pairs");
    // MoCo's queue must hold whole batches: 64 x batch keys keeps it small and a multiple
    String[][] pairs = {
      {"byol", "{type: byol}", "{type: lcr-byol}"},
      {"mocov2", "{type: mocov2, queueSize: " + 64 * batch + "}", "{type: lcr-mocov2, queueSize: " + 64 * batch + "}"}
    };
    for (String[] p : pairs) {
      String base = spec(p[1], bb, size, batch, warmup + steps);
      String lcr = spec(p[2], bb, size, batch, warmup + steps);
      ObjectNode v = results.putObject("lcr-" + p[0]);
      v.put("base", p[1]).put("method", p[2]);
      var roundsOut = v.putArray("rounds");
      double[] ratios = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        double[] ms = timer.medianMillis(base, lcr, warmup, steps);
        ratios[r] = ms[1] / ms[0];
        roundsOut.addObject().put("baseMsPerStep", round(ms[0])).put("msPerStep", round(ms[1]))
            .put("ratio", round(ratios[r]));
        System.err.printf("round %d: %-7s %8.1f ms/step, lcr-%-7s %8.1f ms/step, ratio %.2f%n",
            r + 1, p[0], ms[0], p[0], ms[1], ratios[r]);
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
