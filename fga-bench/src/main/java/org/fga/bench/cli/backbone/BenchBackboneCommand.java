package org.fga.bench.cli.backbone;

import org.fga.perf.CpuClock;
import org.fga.perf.Medians;

import ai.djl.Model;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.fga.backbones.ClassifierNetwork;
import org.fga.backbones.TorchBackbone;
import org.fga.backbones.nn.TorchNames;
import org.fga.core.backbone.BackboneSpec;
import org.fga.core.error.FgaUserException;
import org.fga.core.plugin.Plugins;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.fga.core.io.Mappers;

/**
 * {@code fga bench backbone}: forward and train-step time of our ResNets against the same
 * torchvision networks traced to TorchScript and run by DJL on the same libtorch. Measurements of
 * the two alternate, iteration by iteration, so that load from other processes hits both alike;
 * the medians of wall-clock and of process CPU time are reported. On a shared machine the CPU-time
 * gap is the steadier figure: time spent waiting for a core counts in neither.
 */
@Command(
    name = "backbone",
    mixinStandardHelpOptions = true,
    description = {
      "Forward and train-step time of fga's backbones vs torchvision's through TorchScript.",
      "TorchScript models are traced at run time with python3-torch (skipped if it is absent)."
    })
public final class BenchBackboneCommand implements Callable<Integer> {
  private static final int CLASSES = 1000;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--arch", split = ",", defaultValue = "resnet18,resnet50", description = "backbones (default ${DEFAULT-VALUE})")
  List<String> archs;

  @Option(names = "--sizes", split = ",", defaultValue = "64,112,224", description = "input sides in pixels (default ${DEFAULT-VALUE})")
  List<Integer> sizes;

  @Option(names = "--batch", defaultValue = "16", description = "batch size (default ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--warmup", defaultValue = "2", description = "untimed iterations per case (default ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--iters", defaultValue = "10", description = "timed iterations per case (default ${DEFAULT-VALUE})")
  int iters;

  @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "python with torch and torchvision (default ${DEFAULT-VALUE})")
  String python;

  @Option(names = "--no-torchscript", description = "time fga's backbones only")
  boolean noTorchScript;

  @Option(
      names = "--profile",
      paramLabel = "DIR",
      description = {
        "after timing each case, run one more iteration of each side under libtorch's profiler",
        "and write its Chrome trace to DIR/<arch>-<px>-<mode>-{fga,torchscript}.json"
      })
  Path profileDir;

  @Option(
      names = "--threads",
      defaultValue = "0",
      description = "libtorch intra-op threads, 0 for its default; 1 gives steadier figures on a busy machine")
  int threads;

  @Override
  public Integer call() throws IOException, MalformedModelException {
    if (batch < 1 || iters < 1 || warmup < 0 || sizes.stream().anyMatch(s -> s < 32)) {
      throw new FgaUserException("--batch and --iters must be >= 1, --warmup >= 0, --sizes >= 32");
    }
    if (threads < 0) {
      throw new FgaUserException("--threads must be >= 0, got " + threads);
    }
    if (threads > 0) {
      ai.djl.engine.Engine.getEngine("PyTorch"); // loads libtorch before it is configured
      ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
    }
    if (profileDir != null) {
      Files.createDirectories(profileDir);
    }
    Plugins plugins = Plugins.load();
    archs.forEach(plugins.backbones()::get); // unknown names fail here, listing the known ones
    PrintWriter err = spec.commandLine().getErr();
    Path tmp = Files.createTempDirectory("fga-bench-backbone");
    try {
      org.fga.engine.EngineGuard.ensure();
      boolean routed = org.fga.engine.ConvRoute.ENGINE.on();
      if (routed && !noTorchScript) { // traced models convolve inside libtorch, outside fga's route
        err.println("TorchScript comparison skipped: the engine guard routes convolutions oneDNN gets wrong"
            + " here, and TorchScript's cannot be routed (FGA_ENGINE_CONV=native times both sides on native kernels)");
      }
      TorchScriptModels ts =
          noTorchScript || routed ? null : TorchScriptModels.trace(python, archs, tmp);
      if (ts != null && !ts.available()) {
        err.println("TorchScript comparison skipped: " + ts.skipReason());
      }
      boolean compare = ts != null && ts.available();
      ObjectMapper mapper = Mappers.json().enable(SerializationFeature.INDENT_OUTPUT);
      ObjectNode root = mapper.createObjectNode();
      root.put("batch", batch).put("warmup", warmup).put("iters", iters);
      root.put("cores", Runtime.getRuntime().availableProcessors());
      root.put("threads", threads == 0 ? "libtorch default" : Integer.toString(threads));
      root.put("torchscript", compare ? "traced with torch " + ts.torchVersion() : "skipped");
      ArrayNode rows = root.putArray("results");
      err.printf(Locale.ROOT, "%-10s %5s %-8s %10s %10s %6s %8s %8s %8s%n",
          "arch", "px", "mode", "fga ms", "ts ms", "gap %", "fga cpu", "ts cpu", "cpu gap");
      try (NDManager manager = NDManager.newBaseManager()) {
        for (String arch : archs) {
          benchArch(plugins, arch, manager, compare ? ts : null, rows, err);
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(mapper.writeValueAsString(root));
      out.flush();
      return 0;
    } finally {
      deleteTree(tmp);
    }
  }

  private void benchArch(
      Plugins plugins, String arch, NDManager manager, TorchScriptModels ts, ArrayNode rows, PrintWriter err)
      throws IOException, MalformedModelException {
    TorchBackbone backbone =
        (TorchBackbone) plugins.backbones().get(arch).create(BackboneSpec.of(arch));
    ClassifierNetwork net = backbone.classifier(CLASSES);
    net.initialize(manager, DataType.FLOAT32, new Shape(batch, 3, 64, 64));
    List<NDArray> ourParams = new ArrayList<>();
    for (Parameter p : TorchNames.of(net).values()) {
      if (p.requiresGradient()) {
        ourParams.add(p.getArray());
      }
    }
    StepRunner ours = new StepRunner(manager, net, net, ourParams, CLASSES, CpuClock.of(threads));
    try (Model evalModel = ts == null ? null : load(ts, arch, false);
        Model trainModel = ts == null ? null : load(ts, arch, true)) {
      StepRunner theirs = null;
      if (ts != null) {
        List<NDArray> tsParams = new ArrayList<>();
        for (Pair<String, Parameter> p : trainModel.getBlock().getParameters()) {
          tsParams.add(p.getValue().getArray());
        }
        if (tsParams.size() != ourParams.size()) {
          throw new IllegalStateException(
              "TorchScript " + arch + " has " + tsParams.size() + " trainable tensors, ours " + ourParams.size());
        }
        theirs = new StepRunner(
                manager, evalModel.getBlock(), trainModel.getBlock(), tsParams, CLASSES, CpuClock.of(threads));
      }
      for (int size : sizes) {
        for (boolean train : new boolean[] {false, true}) {
          StepRunner.Timing[][] t = time(ours, theirs, size, train);
          if (profileDir != null) {
            String stem = arch + "-" + size + "-" + (train ? "train" : "forward");
            profile(ours, size, train, profileDir.resolve(stem + "-fga.json"));
            if (theirs != null) {
              profile(theirs, size, train, profileDir.resolve(stem + "-torchscript.json"));
            }
          }
          ObjectNode row = rows.addObject();
          row.put("arch", arch).put("size", size).put("mode", train ? "train" : "forward");
          double fgaWall = median(t[0], StepRunner.Timing::wall) * 1e3;
          double fgaCpu = median(t[0], StepRunner.Timing::cpu) * 1e3;
          row.put("fgaMs", round(fgaWall)).put("fgaCpuMs", round(fgaCpu));
          row.put("fgaImagesPerSec", round(batch / (fgaWall / 1e3)));
          String tsText = "-";
          String gapText = "-";
          if (theirs != null) {
            double tsWall = median(t[1], StepRunner.Timing::wall) * 1e3;
            double tsCpu = median(t[1], StepRunner.Timing::cpu) * 1e3;
            double gapWall = (fgaWall - tsWall) / tsWall * 100;
            double gapCpu = (fgaCpu - tsCpu) / tsCpu * 100;
            row.put("torchscriptMs", round(tsWall)).put("torchscriptCpuMs", round(tsCpu));
            row.put("gapPercent", round(gapWall)).put("cpuGapPercent", round(gapCpu));
            tsText = String.format(Locale.ROOT, "%.1f", tsWall);
            gapText = String.format(Locale.ROOT, "%+.1f %8.1f %8.1f %+8.1f", gapWall, fgaCpu, tsCpu, gapCpu);
          }
          err.printf(
              Locale.ROOT,
              "%-10s %5d %-8s %10.1f %10s %s%n",
              arch, size, train ? "train" : "forward", fgaWall, tsText, gapText);
          err.flush();
        }
      }
    }
  }

  /**
   * Alternates the two runners, warm-up first; returns the timed iterations of each. The order
   * flips every iteration (A B, B A, ...): whichever runs second finds the allocator and caches in
   * the state the first left, and a fixed order would hand that to one side only.
   */
  private StepRunner.Timing[][] time(StepRunner ours, StepRunner theirs, int size, boolean train) {
    StepRunner.Timing[][] t = new StepRunner.Timing[2][iters];
    StepRunner[] runners = {ours, theirs};
    for (int i = -warmup; i < iters; i++) {
      long seed = 31L * size + i;
      boolean oursFirst = Math.floorMod(i, 2) == 0;
      for (int k : oursFirst ? new int[] {0, 1} : new int[] {1, 0}) {
        if (runners[k] == null) {
          continue;
        }
        StepRunner.Timing timing =
            train ? runners[k].trainStep(batch, size, seed) : runners[k].forward(batch, size, seed);
        if (i >= 0) {
          t[k][i] = timing;
        }
      }
    }
    return t;
  }

  /** One iteration under libtorch's profiler (records op shapes, not memory). */
  private void profile(StepRunner runner, int size, boolean train, Path file) {
    ai.djl.pytorch.jni.JniUtils.startProfile(false, true, false);
    try {
      long seed = 977L * size;
      if (train) {
        runner.trainStep(batch, size, seed);
      } else {
        runner.forward(batch, size, seed);
      }
    } finally {
      ai.djl.pytorch.jni.JniUtils.stopProfile(file.toAbsolutePath().toString());
    }
  }

  private static Model load(TorchScriptModels ts, String arch, boolean train)
      throws IOException, MalformedModelException {
    Model m = Model.newInstance(TorchScriptModels.name(arch, train), "PyTorch");
    m.load(ts.dir(), TorchScriptModels.name(arch, train), Map.of("trainParam", Boolean.toString(train)));
    return m;
  }

  private static double median(StepRunner.Timing[] timings, ToDoubleFunction<StepRunner.Timing> f) {
    return Medians.of(Arrays.stream(timings).mapToDouble(f).toArray());
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
