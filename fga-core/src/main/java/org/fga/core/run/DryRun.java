package org.fga.core.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.fga.core.backbone.FeatureTap;
import org.fga.core.data.provider.DatasetProvider;
import org.fga.core.data.FgaDataset;
import org.fga.core.data.Split;
import org.fga.core.data.pipeline.ImageSize;
import org.fga.core.error.FgaUserException;
import org.fga.core.method.Batch;
import org.fga.core.method.StepContext;
import org.fga.core.naming.ConfigTypes;
import org.fga.core.plugin.Plugins;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.train.BatchLoader;
import org.fga.core.train.HostBatch;
import org.fga.core.train.Session;
import org.fga.core.train.Trainer;

/**
 * {@code fga train --dry-run}: everything a run would do first, nothing it would write. Counts the
 * splits (beside the official counts), shows the resolved pipeline and the feature-map size of
 * every tap at the configured input and builds the model. By default it then costs seconds and the
 * model's own memory: it times the backbone's forward pass at batch 1 (the feature maps' pass,
 * repeated) and at batch {@value #FORWARD_PROBE_BATCH}, scales the latter to the spec's batch, and estimates a training step as three such passes (forward, and backward at about
 * twice the forward), and the activation memory from the feature-map shapes. A paper row at 448 px took
 * 6 minutes and 7.6 GiB to dry-run with real steps. With {@link #timedSteps} it runs two real
 * training steps at the spec's batch and one test batch, estimates from the second step (the first
 * pays for warm-up) and reports the peak memory.
 */
public final class DryRun {
  private static final int PROBE_STEPS = 2;

  /** Forward passes of batch 1 repeated for the estimate; the first pays for warm-up. */
  private static final int FORWARD_REPEATS = 3;

  /**
   * The batch the forward pass is timed at for the estimate (or the spec's, if smaller). A batch-1
   * pass is mostly per-operator overhead at small inputs: batch times scaled from it were 14x too
   * long for a 32 px pretraining run (52 min estimated, 3.7 measured); from batch 8 on, the time
   * grows in proportion to the batch.
   */
  private static final int FORWARD_PROBE_BATCH = 8;

  private final Plugins plugins;
  private final PrintStream out;
  private boolean timedSteps;

  public DryRun(Plugins plugins, PrintStream out) {
    this.plugins = plugins;
    this.out = out;
  }

  /** Real training steps at the spec's batch instead of the batch-1 estimate (slower, exact). */
  public DryRun optTimedSteps(boolean timedSteps) {
    this.timedSteps = timedSteps;
    return this;
  }

  /** Runs the checks; returns the report as JSON and prints it readably to {@code out}. */
  public ObjectNode run(ExperimentSpec spec) {
    spec.eval().requireSelectByScored(plugins.metrics()); // as the run itself would, before it trains
    ObjectNode report = plugins.json().createObjectNode();
    report.put("name", spec.name());
    out.println("dry run of " + spec.name() + " (nothing is written)");
    DatasetProvider provider = plugins.datasets().get(ConfigTypes.nameOf(spec.data()));
    Map<Split, Integer> official = provider.officialSizes(spec.data());
    // re-ID sets report on query against gallery, whatever eval.split says (as the evaluator does)
    FgaDataset train = provider.open(spec.data(), Split.TRAIN);
    Split evaluated = train.info().task() == org.fga.core.data.Task.REID
        ? Split.QUERY
        : Split.valueOf(spec.eval().split().toUpperCase(Locale.ROOT));
    int evaluatedImages = 0;
    ObjectNode splits = report.putObject("splits");
    out.println("splits (" + ConfigTypes.nameOf(spec.data()) + "):");
    for (Split split : Split.values()) {
      FgaDataset ds;
      try {
        ds = split == Split.TRAIN ? train : provider.open(spec.data(), split);
      } catch (FgaUserException e) {
        if (split == Split.TRAIN || split == evaluated) {
          throw e; // the run needs this split
        }
        continue;
      }
      String name = split.name().toLowerCase(Locale.ROOT);
      ObjectNode row = splits.putObject(name);
      row.put("images", ds.size());
      if (split == evaluated) {
        evaluatedImages = ds.size();
      }
      Integer o = official.get(split);
      if (o != null) {
        row.put("official", o);
      }
      out.printf(Locale.ROOT, "  %-8s %8d images%s%n", name, ds.size(),
          o == null ? "" : (o == ds.size() ? "  (official: " + o + ")" : "  (official: " + o + ", differs)"));
    }
    ImageSize trainSize = spec.pipeline().trainSize(spec.data().nativeSize());
    ImageSize testSize = spec.pipeline().testSize(spec.data().nativeSize());
    report.set("pipeline", plugins.json().valueToTree(spec.pipeline()));
    out.println("pipeline (images reach the model at " + trainSize + " in training, " + testSize + " in testing):");
    for (String part : java.util.List.of("train", "test")) {
      out.println("  " + part + ":");
      for (com.fasterxml.jackson.databind.JsonNode step : report.path("pipeline").path(part)) {
        out.println("    - " + flow(step));
      }
    }
    try (Session session = new Session(plugins, spec)) {
      long params = 0;
      for (var p : session.method().block().getParameters()) {
        params += p.getValue().getArray().getShape().size();
      }
      report.put("parameters", params);
      out.printf(Locale.ROOT, "model: %s on %s, %,d parameters%n",
          ConfigTypes.nameOf(spec.method()), spec.backbone().arch(), params);
      ArrayNode taps = report.putArray("featureMaps");
      out.println("feature maps at " + trainSize + ":");
      long forwardNanos = Long.MAX_VALUE;
      long activationFloats = 0;
      try (NDManager m = session.newStepManager()) {
        for (int r = 0; r < (timedSteps ? 1 : FORWARD_REPEATS); r++) {
          long t0 = System.nanoTime();
          NDList maps = session.backbone().block().forward(new ParameterStore(m, false),
              new NDList(m.zeros(new Shape(1, 3, trainSize.height(), trainSize.width()))), false);
          maps.get(maps.size() - 1).toFloatArray(); // wait for the result: the last stage needs every earlier one
          forwardNanos = Math.min(forwardNanos, System.nanoTime() - t0);
          if (r > 0) {
            continue;
          }
          for (int i = 0; i < maps.size() && i < session.backbone().taps().size(); i++) {
            FeatureTap tap = session.backbone().taps().get(i);
            Shape s = maps.get(i).getShape();
            activationFloats += s.size();
            ObjectNode t = taps.addObject();
            t.put("tap", tap.name());
            t.put("channels", s.get(1));
            t.put("height", s.get(2));
            t.put("width", s.get(3));
            out.printf(Locale.ROOT, "  %-8s %5d x %d x %d%n", tap.name(), s.get(1), s.get(2), s.get(3));
          }
        }
      }
      int epochs = spec.schedule().epochs();
      int batch = spec.schedule().batchSize();
      if (!timedSteps) {
        int probeBatch = Math.min(batch, FORWARD_PROBE_BATCH);
        long probeNanos = probeBatch > 1 ? forwardNanos(session, trainSize, probeBatch) : forwardNanos;
        estimate(report, session, spec, forwardNanos, probeBatch, probeNanos, activationFloats, params, batch, epochs);
        return report;
      }
      Trainer.Probe probe = Trainer.builder().setSession(session).optQuiet(true).build().probe(PROBE_STEPS);
      long stepNanos = probe.stepNanos()[probe.stepNanos().length - 1];
      int batchesPerEpoch = probe.batchesPerEpoch();
      double testSeconds = testBatch(session, spec, evaluated);
      report.put("testBatchSeconds", testSeconds);
      report.set("firstLosses", plugins.json().valueToTree(probe.lastTerms()));
      long peak = peakRssBytes();
      if (peak > 0) {
        report.put("peakRssBytes", peak);
      }
      out.printf(Locale.ROOT, "train step: %.3f s (batch %d, losses %s); test batch: %.3f s%n",
          stepNanos / 1e9, batch, probe.lastTerms(), testSeconds);
      String tail = peak > 0 ? String.format(Locale.ROOT, "; peak memory %.0f MiB", peak / 1048576.0) : "";
      // eval.everyEpoch scores the reported split after every epoch but the last (whose evaluation
      // every run has): one test pass of that split per epoch, from the batch timed above
      double evalSeconds = spec.eval().scoresEveryEpoch() ? testSeconds * Math.ceil(evaluatedImages / (double) batch) : 0;
      if (spec.eval().scoresEveryEpoch()) {
        report.put("everyEpochEvaluationSeconds", evalSeconds);
      }
      timing(report, "timed steps", stepNanos / 1e9, batchesPerEpoch, epochs, evalSeconds, tail);
    }
    return report;
  }

  /** The fastest of two forward passes of the backbone at {@code batch} (no gradients kept). */
  private static long forwardNanos(Session session, ImageSize size, int batch) {
    long best = Long.MAX_VALUE;
    try (NDManager m = session.newStepManager()) {
      for (int r = 0; r < 2; r++) {
        long t0 = System.nanoTime();
        NDList maps = session.backbone().block().forward(new ParameterStore(m, false),
            new NDList(m.zeros(new Shape(batch, 3, size.height(), size.width()))), false);
        maps.get(maps.size() - 1).toFloatArray();
        best = Math.min(best, System.nanoTime() - t0);
        maps.close();
      }
    }
    return best;
  }

  /**
   * The cheap estimate (no training step): a step as three batch-1 forward passes per image of the
   * batch (forward, and a backward at about twice the forward), the weights' memory with their
   * gradients and up to two optimiser buffers, and the stage outputs' memory at the spec's batch: a
   * floor, since a step keeps several tensors per stage for its backward. {@code --timed-steps}
   * measures both.
   */
  private void estimate(ObjectNode report, Session session, ExperimentSpec spec, long forwardNanos,
      int probeBatch, long probeNanos, long activationFloats, long params, int batch, int epochs) {
    int batchesPerEpoch = Trainer.builder().setSession(session).optQuiet(true).build().batchesPerEpoch();
    // the forward time at the spec's batch in proportion to the probe batch's
    double forwardAtBatch = probeNanos * (double) batch / probeBatch;
    double stepSeconds = 3 * forwardAtBatch / 1e9;
    long weightBytes = params * Float.BYTES * 4;
    long stageBytes = activationFloats * Float.BYTES * batch;
    report.put("forwardBatch1Seconds", forwardNanos / 1e9);
    report.put("weightsAndOptimiserBytes", weightBytes);
    report.put("stageOutputsBytes", stageBytes);
    report.put("forwardProbeBatch", probeBatch);
    report.put("forwardProbeSeconds", probeNanos / 1e9);
    out.printf(Locale.ROOT, "forward at batch 1: %.3f s, at batch %d: %.3f s; a training step at batch %d estimated at %.2f s"
        + " (3 forward passes of the backbone; a method's own extra passes are not counted: --timed-steps)%n",
        forwardNanos / 1e9, probeBatch, probeNanos / 1e9, batch, stepSeconds);
    timing(report, "estimate from backbone forward passes", stepSeconds, batchesPerEpoch, epochs, 0,
        spec.eval().scoresEveryEpoch() ? "; eval.everyEpoch's test passes are not counted (--timed-steps counts them)" : "");
    out.printf(Locale.ROOT, "memory: weights, gradients and optimiser state %.0f MiB; stage outputs at batch %d"
        + " %.0f MiB (a floor: a step keeps several tensors per stage); --timed-steps runs two real steps"
        + " and measures the peak%n", weightBytes / 1048576.0, batch, stageBytes / 1048576.0);
  }

  /**
   * The step, epoch and total times in the report and on one line, however the step was timed;
   * {@code evalSeconds} is the per-epoch evaluation of {@code eval.everyEpoch}, paid in every epoch
   * but the last.
   */
  private void timing(ObjectNode report, String how, double stepSeconds, int batchesPerEpoch, int epochs,
      double evalSeconds, String tail) {
    double epochSeconds = stepSeconds * batchesPerEpoch + evalSeconds;
    report.put("timing", how);
    report.put("trainStepSeconds", stepSeconds);
    report.put("batchesPerEpoch", batchesPerEpoch);
    report.put("estimatedEpochSeconds", epochSeconds);
    report.put("estimatedTotalSeconds", epochSeconds * epochs - evalSeconds);
    out.printf(Locale.ROOT, "estimated: %s per epoch (%d batches), %s for %d epochs%s%n",
        duration(epochSeconds), batchesPerEpoch, duration(epochSeconds * epochs - evalSeconds), epochs, tail);
    double load = loadAverage();
    int cores = Runtime.getRuntime().availableProcessors();
    if (load > cores) {
      report.put("loadAverage", load);
      // libtorch's threads spin while they wait: beside other busy processes a pass took 5-40x
      // its idle time here, so an estimate made now says little about the run on an idle machine
      out.printf(Locale.ROOT, "note: the machine is busy (load %.1f on %d cores): times measured now are inflated,"
          + " by up to 40x beside other libtorch processes%n", load, cores);
    }
  }

  /** The one-minute load average, or 0 where the system does not say. */
  static double loadAverage() {
    try {
      String first = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim().split("\\s+")[0];
      return Double.parseDouble(first);
    } catch (java.io.IOException | RuntimeException e) {
      return 0;
    }
  }

  /** Seconds for one batch of the evaluated split through the method's inference. */
  private double testBatch(Session session, ExperimentSpec spec, Split split) {
    FgaDataset ds = session.open(split);
    try (BatchLoader loader = new BatchLoader(ds, spec.pipeline().testTransform(),
            session.backbone().cfg().mean(), session.backbone().cfg().std(),
            Math.min(spec.schedule().batchSize(), Math.max(1, ds.size())), false, spec.seed(), 1);
        NDManager m = session.newStepManager()) {
      Iterator<HostBatch> it = loader.epoch(0, 0);
      if (!it.hasNext()) {
        return 0;
      }
      Batch batch = it.next().toBatch(m);
      long t0 = System.nanoTime();
      StepContext ctx = new StepContext(m, new ParameterStore(m, false), false, new Random(0), 0, 0, 0);
      var outputs = session.method().infer(ctx, batch);
      NDArray any = outputs.logits() != null ? outputs.logits() : outputs.embedding();
      if (any != null) {
        any.toFloatArray(); // wait for the result
      }
      return (System.nanoTime() - t0) / 1e9;
    }
  }

  /** The process's peak resident memory (Linux {@code VmHWM}), or -1 where unknown. */
  static long peakRssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  static String duration(double seconds) {
    if (seconds < 120) {
      return String.format(Locale.ROOT, "%.0f s", seconds);
    }
    if (seconds < 7200) {
      return String.format(Locale.ROOT, "%.0f min", seconds / 60);
    }
    if (seconds < 172800) {
      return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
    return String.format(Locale.ROOT, "%.1f days", seconds / 86400);
  }

  /** A node in YAML's one-line flow style: {@code {type: resize, size: [512, 512]}}. */
  static String flow(com.fasterxml.jackson.databind.JsonNode n) {
    if (n.isObject()) {
      java.util.List<String> parts = new java.util.ArrayList<>();
      n.fields().forEachRemaining(e -> parts.add(e.getKey() + ": " + flow(e.getValue())));
      return "{" + String.join(", ", parts) + "}";
    }
    if (n.isArray()) {
      java.util.List<String> parts = new java.util.ArrayList<>();
      n.forEach(e -> parts.add(flow(e)));
      return "[" + String.join(", ", parts) + "]";
    }
    return n.isTextual() ? n.asText() : n.toString();
  }
}
