package org.fga.bench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fga.bench.perf.BareDjlLoop;
import org.fga.perf.CpuClock;
import org.fga.perf.StepBenchOptions;
import org.fga.bench.perf.MemoryProbe;
import org.fga.perf.StepTimer;
import org.fga.core.plugin.Plugins;
import org.fga.core.rundir.RunDir;
import org.fga.core.method.MethodConfig;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.train.Session;
import org.fga.core.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fga bench trainer}: the fga trainer's step against a bare DJL loop on the same network and
 * batch (target: at most 3 % slower), and resident memory after step 100 vs step 1000 (target:
 * within 5 %).
 */
@Command(
    name = "trainer",
    mixinStandardHelpOptions = true,
    description = "Trainer overhead vs a bare DJL loop, and memory growth over 1000 steps.")
public final class BenchTrainerCommand implements Callable<Integer> {
  @Mixin StepBenchOptions opts = new StepBenchOptions("resnet18", null, 64, 16, 40);
  @Option(names = "--rounds", defaultValue = "3", description = "alternating rounds of each loop") int rounds;
  @Option(names = "--memory-steps", defaultValue = "10000", description = "steps of the memory run (default: ${DEFAULT-VALUE}); RSS is read at step 100 and at the end") int memorySteps;
  @Option(names = "--threads", defaultValue = "1",
      description = "libtorch threads; with 1 (default) steps are timed by the training thread's CPU clock,"
          + " which load from other processes does not inflate")
  int threads;

  @Override
  public Integer call() throws Exception {
    Plugins plugins = Plugins.load();
    ai.djl.engine.Engine.getInstance(); // loads libtorch before it is configured
    ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
    java.util.function.LongSupplier clock = threads == 1 ? CpuClock.of(1) : System::nanoTime;
    MethodConfig baseline = StepTimer.method(plugins, "baseline", java.util.Map.of());
    ExperimentSpec spec = StepTimer.noiseSpec(baseline, StepTimer.backbone(opts.arch, opts.width), opts.size, opts.batch, opts.steps + 5);
    // memory first, in a fresh process: a small model for many steps, RSS at step 100 and at the end.
    // With the launcher's heap settings the heap's own growth counts too, as it does for a user.
    double[] rss = new double[2];
    ExperimentSpec small = StepTimer.noiseSpec(baseline, StepTimer.backbone("resnet18", 16), 32, 16, memorySteps);
    Path dir = java.nio.file.Files.createTempDirectory("fga-mem");
    try (Session s = new Session(plugins, small)) {
      Trainer.builder().setSession(s).setRunDir(new RunDir(dir)).optQuiet(true)
          .optStepListener((step, ns, t) -> {
            if (step == 100 || step == memorySteps) {
              System.gc(); // the Java heap's own growth is not what this measures
              rss[step == 100 ? 0 : 1] = MemoryProbe.residentMiB();
            }
          }).build().fit();
    }
    ObjectNode out = plugins.json().createObjectNode();
    double[] fga = new double[rounds];
    double[] bare = new double[rounds];
    for (int r = 0; r < rounds; r++) { // alternate so that drift in machine load hits both
      bare[r] = BareDjlLoop.medianMillis(plugins, opts.arch, opts.width, opts.size, opts.batch, 5, opts.steps, clock);
      StepTimer.Timing timing = new StepTimer(plugins).timing(spec, 5, opts.steps, clock);
      fga[r] = threads == 1 ? timing.cpuMs() : timing.wallMs();
      System.err.printf("round %d: bare DJL %.1f ms/step, fga trainer %.1f ms/step%n", r + 1, bare[r], fga[r]);
    }
    double fgaMs = java.util.Arrays.stream(fga).min().orElseThrow();
    double bareMs = java.util.Arrays.stream(bare).min().orElseThrow();
    out.put("arch", opts.arch).put("imageSize", opts.size).put("batch", opts.batch).put("libtorchThreads", threads);
    out.put("clock", threads == 1 ? "training-thread CPU time" : "wall time");
    out.put("bareDjlMsPerStep", round(bareMs)).put("fgaMsPerStep", round(fgaMs));
    out.put("overheadPercent", round(100 * (fgaMs / bareMs - 1)));
    out.put("rssMiBAtStep100", round(rss[0])).put("rssMiBAtStep" + memorySteps, round(rss[1]));
    out.put("rssGrowthPercent", round(100 * (rss[1] / rss[0] - 1)));
    System.out.println(plugins.json().writerWithDefaultPrettyPrinter().writeValueAsString(out));
    return 0;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
