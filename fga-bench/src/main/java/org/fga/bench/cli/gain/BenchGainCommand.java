package org.fga.bench.cli.gain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fga.bench.perf.StepTimer;
import org.fga.core.plugin.Plugins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fga bench gain}: median training-step time of {@code gain} (CAM fast path, and Grad-CAM by
 * the auxiliary backward on a GAP → linear and on a conv head) against {@code baseline}, same
 * backbone, image size and batch, through the fga trainer. Target: GAIN ≤ 2.5 × baseline.
 */
@Command(
    name = "gain",
    mixinStandardHelpOptions = true,
    description = "GAIN step time vs the baseline step on the same backbone and batch (target <= 2.5x).")
public final class BenchGainCommand implements Callable<Integer> {
  @Option(names = "--arch", defaultValue = "resnet18") String arch;
  @Option(names = "--width", description = "backbone width (default: the architecture's)") Integer width;
  @Option(names = "--size", defaultValue = "64") int size;
  @Option(names = "--batch", defaultValue = "16") int batch;
  @Option(names = "--warmup", defaultValue = "5") int warmup;
  @Option(names = "--steps", defaultValue = "20", description = "timed steps per round") int steps;
  @Option(names = "--rounds", defaultValue = "2", description = "alternating rounds (the fastest counts)") int rounds;

  @Override
  public Integer call() {
    if (size < 32 || batch < 1 || steps < 1 || rounds < 1 || warmup < 0) {
      throw new org.fga.core.error.FgaUserException(
          "bench gain: need --size >= 32, --batch >= 1, --steps >= 1, --rounds >= 1, --warmup >= 0");
    }
    Plugins plugins = Plugins.load();
    String bb = width == null ? "{arch: " + arch + "}" : "{arch: " + arch + ", width: " + width + "}";
    Map<String, String> methods = new LinkedHashMap<>();
    methods.put("baseline", "{type: baseline}");
    methods.put("gain", "{type: gain}");
    methods.put("gainGradCamBackward", "{type: gain, fastCam: false}");
    methods.put("gainConvHead", "{type: gain, head: conv-gap-linear}");
    Map<String, double[]> ms = new LinkedHashMap<>();
    methods.keySet().forEach(k -> ms.put(k, new double[rounds]));
    StepTimer timer = new StepTimer(plugins);
    for (int r = 0; r < rounds; r++) { // alternate so that drift in machine load hits every variant
      for (var e : methods.entrySet()) {
        String spec = StepTimer.noiseSpec(e.getValue(), bb, size, batch, warmup + steps);
        ms.get(e.getKey())[r] = timer.medianMillis(spec, warmup, steps);
        System.err.printf("round %d: %-20s %8.1f ms/step%n", r + 1, e.getKey(), ms.get(e.getKey())[r]);
      }
    }
    ObjectNode out = plugins.json().createObjectNode();
    out.put("arch", arch).put("width", width == null ? "default" : width.toString());
    out.put("imageSize", size).put("batch", batch).put("steps", steps).put("rounds", rounds);
    double base = Arrays.stream(ms.get("baseline")).min().orElseThrow();
    ObjectNode times = out.putObject("msPerStep");
    ObjectNode ratios = out.putObject("ratioToBaseline");
    for (var e : ms.entrySet()) {
      double best = Arrays.stream(e.getValue()).min().orElseThrow();
      times.put(e.getKey(), round(best));
      if (!e.getKey().equals("baseline")) {
        ratios.put(e.getKey(), round(best / base));
      }
    }
    out.put("target", 2.5);
    out.put("gainWithinTarget", ratios.get("gain").asDouble() <= 2.5);
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
