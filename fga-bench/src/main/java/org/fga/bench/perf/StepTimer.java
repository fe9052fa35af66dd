package org.fga.bench.perf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.fga.core.plugin.Plugins;
import org.fga.core.run.RunDir;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.SpecReader;
import org.fga.core.train.Session;
import org.fga.core.train.Trainer;

/**
 * Times training steps of any spec through the fga trainer: the first {@code warmup} steps are
 * dropped, the rest summarised by their median. Method benchmarks compare two specs with it.
 */
public final class StepTimer {
  private final Plugins plugins;

  public StepTimer(Plugins plugins) {
    this.plugins = plugins;
  }

  /** Median wall milliseconds per step over {@code steps} steps after {@code warmup}. */
  public double medianMillis(String specYaml, int warmup, int steps) {
    return List.of(
);
    Path dir = tempDir();
    try (Session s = new Session(plugins, spec)) {
      lastCpu[0] = os.getProcessCpuTime();
      Trainer.builder().setSession(s).setRunDir(new RunDir(dir)).optQuiet(true).optKeepCheckpoints(1)
          .optStepListener((step, ns, terms) -> {
            long now = clock == null ? 0 : clock.getAsLong();
            if (step <= nanos.length) {
              nanos[(int) step - 1] = clock == null ? ns : now - last[0];
            }
            last[0] = now;
            long now = os.getProcessCpuTime();
              nanos[(int) step - 1] = ns;
              cpu[(int) step - 1] = now - lastCpu[0];
            lastCpu[0] = now;
          })
          .build().fit();
    } finally {
      deleteTree(dir);
    }
    return new Timing(median(Arrays.copyOfRange(nanos, warmup, nanos.length)) / 1e6,
        median(Arrays.copyOfRange(cpu, warmup, cpu.length)) / 1e6);
  }

  static double median(long[] xs) {
    long[] s = xs.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
  }

  static Path tempDir() {
    try {
      return Files.createTempDirectory("fga-bench");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void deleteTree(Path dir) {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (java.io.IOException e) {
      // a leftover temp directory is harmless
    }
  }

  /** A spec that trains {@code method} on in-memory noise for exactly {@code steps} steps. */
  public static String noiseSpec(String methodBlock, String backboneBlock, int imageSize, int batch, int steps) {
    return """
        name: bench
        method: %s
        backbone: %s
        data: {type: noise, imageSize: %d, size: %d}
        schedule: {epochs: 1, batchSize: %d, lr: 0.01, lrSchedule: constant, logEvery: 1000000}
        eval: {metrics: []}
        """.formatted(methodBlock, backboneBlock, imageSize, batch * steps, batch);
  }

  public static List<Double> toList(double... xs) {
    return Arrays.stream(xs).boxed().toList();
  }
}
