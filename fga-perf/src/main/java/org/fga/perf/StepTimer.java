package org.fga.perf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.fga.core.plugin.Plugins;
import org.fga.core.rundir.RunDir;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.backbone.BackboneSpec;
import org.fga.core.method.MethodConfig;
import org.fga.core.spec.EvalSpec;
import org.fga.core.spec.ScheduleSpec;
import java.util.LinkedHashMap;
import java.util.Map;
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

  /** Median milliseconds per step over {@code steps} steps after {@code warmup}. */
  public double medianMillis(ExperimentSpec spec, int warmup, int steps) {
    return timing(spec, warmup, steps).wallMs();
  }

  /**
   * Median wall time and median process CPU time per step. On a machine shared with other jobs the
   * wall time measures the share this process got as much as the work; with one libtorch thread
   * the CPU time is the work itself.
   */
  public record Timing(double wallMs, double cpuMs) {}

  /** Wall and process-CPU medians over {@code steps} steps after {@code warmup}. */
  public Timing timing(ExperimentSpec spec, int warmup, int steps) {
    var os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return timing(spec, warmup, steps, os::getProcessCpuTime);
  }

  /**
   * Wall and CPU medians, the CPU time read from {@code cpuClock} (nanoseconds) between consecutive
   * steps' ends: {@link CpuClock#of(int)} gives the training thread's clock when libtorch runs on
   * one thread, which load from other processes does not inflate.
   */
  public Timing timing(ExperimentSpec spec, int warmup, int steps, java.util.function.LongSupplier cpuClock) {
    long[] nanos = new long[warmup + steps];
    long[] cpu = new long[warmup + steps];
    long[] lastCpu = {0};
    Path dir = tempDir();
    try (Session s = new Session(plugins, spec)) {
      lastCpu[0] = cpuClock.getAsLong();
      Trainer.builder().setSession(s).setRunDir(new RunDir(dir)).optQuiet(true).optKeepCheckpoints(1)
          .optStepListener((step, ns, terms) -> {
            long now = cpuClock.getAsLong();
            if (step <= nanos.length) {
              nanos[(int) step - 1] = ns;
              cpu[(int) step - 1] = now - lastCpu[0];
            }
            lastCpu[0] = now;
          })
          .build().fit();
    } finally {
      deleteTree(dir);
    }
    return new Timing(Medians.of(Arrays.copyOfRange(nanos, warmup, nanos.length)) / 1e6,
        Medians.of(Arrays.copyOfRange(cpu, warmup, cpu.length)) / 1e6);
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

  /**
   * A spec that trains {@code method} on in-memory noise for exactly {@code steps} steps: one
   * epoch of {@code batch × steps} images, a constant rate, no logging, no metrics.
   */
  public static ExperimentSpec noiseSpec(MethodConfig method, BackboneSpec backbone, int imageSize, int batch, int steps) {
    ScheduleSpec schedule = ScheduleSpec.builder().optEpochs(1).optBatchSize(batch).optLr(0.01)
        .optLrSchedule("constant").optLogEvery(1_000_000).build();
    return new ExperimentSpec("bench", method, backbone, new NoiseData.Config(imageSize, batch * steps, null), null,
        schedule, new EvalSpec(List.of(), null, null, null, null, null, null), null, null, null, null);
  }

  /**
   * The config of method {@code type} with {@code options} (key → value, as in an experiment
   * file's {@code method:} block) and every other key at its default; unknown keys fail as there.
   */
  public static MethodConfig method(Plugins plugins, String type, Map<String, Object> options) {
    plugins.methods().get(type); // an unknown name fails here, listing the known ones
    Map<String, Object> block = new LinkedHashMap<>(options);
    block.put("type", type);
    return plugins.json().convertValue(block, MethodConfig.class);
  }

  /** The backbone {@code arch}, at {@code width} when not null, every other key at its default. */
  public static BackboneSpec backbone(String arch, Integer width) {
    return new BackboneSpec(arch, null, null, null, width, null);
  }

  public static List<Double> toList(double... xs) {
    return Arrays.stream(xs).boxed().toList();
  }
}
