package org.fga.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fga.core.data.sampling.IdentitySampler;
import org.fga.core.error.FgaUserException;
import org.fga.core.method.Batch;
import org.fga.core.method.Losses;
import org.fga.core.method.Method;
import org.fga.core.method.StepContext;
import org.fga.core.rundir.RunDir;
import org.fga.core.spec.ScheduleSpec;
import org.fga.core.train.optim.Optimizer;
import org.fga.core.train.optim.Optimizers;

/**
 * The training loop. Each step runs in its own {@link NDManager} (closed after the step, so memory
 * does not grow with steps), reseeds libtorch from (seed, step) so a resumed run draws the same
 * random numbers, back-propagates the method's total loss, clips, and applies the optimiser with
 * the scheduled learning rate. A checkpoint is written atomically after every epoch; a NaN or
 * infinite loss stops the run before the update, leaving the last good checkpoint in place.
 */
public final class Trainer {
  private final Session session;
  private final RunDir run;
  private final PrintStream progressOut;
  private final int loaderThreads;
  private final boolean quiet;
  private final int keepCheckpoints;
  private final StepListener listener;
  private final EpochListener epochListener;
  private final List<ai.djl.Device> devices;

  private Trainer(Builder b) {
    this.session = b.session;
    this.run = b.run;
    this.progressOut = b.progressOut;
    this.loaderThreads = b.loaderThreads;
    this.quiet = b.quiet;
    this.keepCheckpoints = b.keepCheckpoints;
    this.listener = b.listener;
    this.epochListener = b.epochListener;
    this.devices = b.devices != null ? b.devices : b.session.devices();
    if (devices.size() > 1) {
      refuseStateOffTheShardDevices();
    }
  }

  /**
   * A method's arrays outside its network (CAL's feature centres) live on the first device and are
   * updated inside the step; a shard on another device could not reach them. Refused up front.
   */
  private void refuseStateOffTheShardDevices() {
    for (Map.Entry<String, NDArray> e : session.method().state().entrySet()) {
      for (ai.djl.Device d : devices) {
        if (!e.getValue().getDevice().equals(d)) {
          throw new FgaUserException(
              "device " + session.spec().device() + ": method "
                  + org.fga.core.naming.ConfigTypes.nameOf(session.spec().method())
                  + " keeps '" + e.getKey() + "' outside its network on one device, which data-parallel"
                  + " training does not split yet; train it on one GPU (device: gpu:N)");
        }
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** What a finished training run reports. */
  public record Result(int epochs, long steps, Map<String, Float> lastTerms, double imagesPerSec) {}

  /**
   * Trains from the newest checkpoint in the run directory (or from scratch if there is none) to
   * the end of the schedule.
   */
  public Result fit() {
    if (run == null) {
      throw new IllegalStateException("fit() needs a run directory (setRunDir)");
    }
    ScheduleSpec s = session.spec().schedule();
    Method method = session.method();
    run.create();
    try (BatchLoader loader = newLoader();
        Optimizer opt = newOptimizer()) {
      int perEpoch = loader.batchesPerEpoch();
      long total = (long) perEpoch * s.epochs();
      int startEpoch = 0;
      long step = 0;
      Path latest = Checkpoint.latest(run.checkpoints());
      if (latest != null) {
        Checkpoint.Position pos = restore(latest, opt);
        startEpoch = pos.epochs();
        step = pos.step();
        if (!quiet) {
          progressOut.println("resuming " + run.root() + " from " + latest.getFileName() + " (epoch "
              + startEpoch + ", step " + step + ")");
        }
      }
      LrSchedule schedule = new LrSchedule(s);
      ProgressBar bar = new ProgressBar(progressOut, total, step).quiet(quiet);
      Map<String, Float> terms = Map.of();
      double imagesPerSec = 0;
      try (TrainLog log = TrainLog.open(run.trainLog(), step)) {
        for (int epoch = startEpoch; epoch < s.epochs(); epoch++) {
          Iterator<HostBatch> it = loader.epoch(epoch, 0);
          while (it.hasNext()) {
            long t0 = System.nanoTime();
            HostBatch hb = it.next();
            double lr = schedule.lr((double) step / perEpoch);
            terms = step(method, hb, epoch, step, total, lr, opt, s);
            step++;
            long nanos = System.nanoTime() - t0;
            imagesPerSec = hb.size() / (nanos / 1e9);
            if (listener != null) {
              listener.onStep(step, nanos, terms);
            }
            if (step % s.logEvery() == 0 || step == total) {
              log.write(epoch, step, terms, lr, imagesPerSec);
            }
            bar.update(epoch, s.epochs(), step, terms, lr, imagesPerSec);
          }
          if (epochListener != null) {
            epochListener.onEpochEnd(epoch + 1);
          }
          Checkpoint.save(
              run.checkpoints(),
              new Checkpoint.Position(epoch + 1, step, opt.steps()),
              session.method().block().getParameters(),
              opt.state(),
              method.state(),
              keepCheckpoints);
        }
      }
      return new Result(s.epochs(), step, terms, imagesPerSec);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint in " + run.checkpoints(), e);
    }
  }

  /** The training loader: the spec's training pipeline, P x K batches when the schedule asks. */
  BatchLoader newLoader() { // package-private: tests read the order it takes
    ScheduleSpec s = session.spec().schedule();
    BatchLoader loader =
        new BatchLoader(
            session.train(), session.spec().pipeline().trainTransform(),
            session.backbone().cfg().mean(), session.backbone().cfg().std(), s.batchSize(), true,
            session.spec().seed(), loaderThreads);
    if (session.spec().pipeline().hasViews()) {
      loader.optViews(session.spec().pipeline().viewTransforms());
    }
    if (!s.shuffles()) {
      loader.optInOrder();
    }
    if (s.instancesPerIdentity() != null) {
      int k = s.instancesPerIdentity();
      loader.optIdentitySampler(
          new IdentitySampler(IdentitySampler.labelsOf(session.train()), s.batchSize() / k, k));
    }
    return loader;
  }

  /**
   * The optimiser over every parameter of the method, the backbone's (every block the method
   * reports, e.g. Coarse2Fine's second backbone) in their own group at the backbone rate.
   */
  private Optimizer newOptimizer() {
    ScheduleSpec s = session.spec().schedule();
    List<Parameter> all = session.method().block().getParameters().values();
    List<Parameter> backboneParams = new java.util.ArrayList<>();
    for (ai.djl.nn.Block b : session.method().backboneBlocks()) {
      backboneParams.addAll(b.getParameters().values());
    }
    return Optimizers.create(s, Optimizers.groups(all, backboneParams, s), session.manager());
  }

  /**
   * The first {@code count} training batches of epoch {@code epoch}, drawn as {@link #fit} draws
   * them (sampler, pipeline, per-sample seeds; pixels normalised as the network receives them):
   * what {@code fga data preview} shows and writes.
   */
  public List<HostBatch> trainingBatches(int epoch, int count) {
    try (BatchLoader loader = newLoader()) {
      Iterator<HostBatch> it = loader.epoch(epoch, 0);
      List<HostBatch> out = new java.util.ArrayList<>();
      while (out.size() < count && it.hasNext()) {
        out.add(it.next());
      }
      return out;
    }
  }

  /** What {@link #probe} measured. */
  public record Probe(long[] stepNanos, int batchesPerEpoch, Map<String, Float> lastTerms) {}

  /** Batches per epoch as {@link #fit} would draw them (the sampler's count for re-ID), for estimates. */
  public int batchesPerEpoch() {
    try (BatchLoader loader = newLoader()) {
      return loader.batchesPerEpoch();
    }
  }

  /**
   * Runs the first {@code steps} training steps exactly as {@link #fit} would (same loader,
   * optimiser and step) and returns their wall times, writing nothing: the dry run's timing. The
   * session's weights are changed by the steps; use a throwaway session.
   */
  public Probe probe(int steps) {
    ScheduleSpec s = session.spec().schedule();
    try (BatchLoader loader = newLoader();
        Optimizer opt = newOptimizer()) {
      int perEpoch = loader.batchesPerEpoch();
      long total = (long) perEpoch * s.epochs();
      LrSchedule schedule = new LrSchedule(s);
      Iterator<HostBatch> it = loader.epoch(0, 0);
      long[] nanos = new long[Math.min(steps, perEpoch)];
      Map<String, Float> terms = Map.of();
      for (int i = 0; i < nanos.length && it.hasNext(); i++) {
        long t0 = System.nanoTime();
        HostBatch hb = it.next();
        terms = step(session.method(), hb, 0, i, total, schedule.lr((double) i / perEpoch), opt, s);
        nanos[i] = System.nanoTime() - t0;
      }
      return new Probe(nanos, perEpoch, terms);
    }
  }

  private Map<String, Float> step(
      Method method, HostBatch hb, int epoch, long step, long total, double lr, Optimizer opt, ScheduleSpec s) {
    if (devices.size() > 1) {
      return parallelStep(method, hb, epoch, step, total, lr, opt, s);
    }
    try (NDManager m = session.newStepManager()) {
      seedEngine(step);
      Batch batch = hb.toBatch(m);
      StepContext ctx =
          new StepContext(m, new ParameterStore(m, false), true,
              new Random(BatchLoader.mix(session.spec().seed(), step, 0xca11)), epoch, step, total);
      return TrainStep.take(method, ctx, batch, opt, s, lr, values -> stopIfNotFinite(values, epoch, step));
    }
  }

  /**
   * One step split over the session's devices ({@link DataParallel}): each shard's loss, weighted
   * by its share of the batch, is back-propagated into its own parameter copies; the summed
   * gradients then take the same clip and optimiser step as on one device. The reported terms are
   * the shards' weighted sums, i.e. the batch means.
   */
  private Map<String, Float> parallelStep(
      Method method, HostBatch hb, int epoch, long step, long total, double lr, Optimizer opt, ScheduleSpec s) {
    int group = s.instancesPerIdentity() == null ? 1 : s.instancesPerIdentity();
    int[][] ranges = DataParallel.split(hb.size(), devices.size(), group);
    try (NDManager m = session.newStepManager()) {
      seedEngine(step);
      List<DataParallel.Shard> shards = DataParallel.open(m, devices, ranges, hb.size());
      Map<String, Float> values = new LinkedHashMap<>();
      for (int k = 0; k < shards.size(); k++) {
        DataParallel.Shard shard = shards.get(k);
        Batch batch = hb.slice(ranges[k][0], ranges[k][1]).toBatch(shard.manager());
        StepContext ctx =
            new StepContext(shard.manager(), shard.replicas(), true,
                new Random(BatchLoader.mix(session.spec().seed(), step, 0xca11 + k)), epoch, step, total);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          Losses losses = method.trainStep(ctx, batch);
          record(losses, shard.weight(), values);
          stopIfNotFinite(values, epoch, step);
          gc.backward(org.fga.core.nn.Scalars.mul(losses.total(), shard.weight())); // Scalars: a Number operand is freed before the backward reads it
        }
      }
      DataParallel.reduce(method.block().getParameters().values(), shards);
      update(opt, s, lr);
      method.afterStep(
          new StepContext(m, new ParameterStore(m, false), true,
              new Random(BatchLoader.mix(session.spec().seed(), step, 0xca11)), epoch, step, total));
      return values;
    }
  }

  /** Reseeds libtorch from (seed, step), so a resumed run draws the same random numbers. */
  private void seedEngine(long step) {
    Engine.getInstance().setRandomSeed((int) BatchLoader.mix(session.spec().seed(), step, 0x5eed));
  }

  /** Clips the summed gradients when the schedule asks, then takes the optimiser step. */
  static void update(Optimizer opt, ScheduleSpec s, double lr) {
    if (s.clipGradNorm() != null) {
      clip(opt.parameters(), s.clipGradNorm());
    }
    opt.step(lr);
  }

  /** Adds {@code weight} × each of the step's terms (and the total, as {@code loss}) to {@code values}. */
  static void record(Losses losses, double weight, Map<String, Float> values) {
    for (Map.Entry<String, NDArray> t : losses.terms().entrySet()) {
      values.merge(t.getKey(), (float) (weight * t.getValue().getFloat()), Float::sum);
    }
    values.merge("loss", (float) (weight * losses.total().getFloat()), Float::sum);
  }

  /** A NaN or infinite loss stops the run before the update that would spread it to the weights. */
  private void stopIfNotFinite(Map<String, Float> values, int epoch, long step) {
    float loss = values.get("loss");
    if (!Float.isFinite(loss)) {
      Path last = run == null ? null : Checkpoint.latest(run.checkpoints());
      throw new FgaUserException(
          "loss is " + loss + " at epoch " + (epoch + 1) + ", step " + (step + 1) + " (" + values
              + "); training stopped, last good checkpoint: "
              + (last == null ? "none (failed in the first epoch)" : last));
    }
  }

  /** Scales every gradient so that their global L2 norm is at most {@code maxNorm}. */
  static double clip(List<Parameter> params, double maxNorm) {
    double sq = 0;
    for (Parameter p : params) {
      NDArray g = p.getArray().getGradient();
      sq += g.square().sum().getFloat();
    }
    double norm = Math.sqrt(sq);
    if (norm > maxNorm) {
      float scale = (float) (maxNorm / (norm + 1e-6));
      for (Parameter p : params) {
        p.getArray().getGradient().muli(scale);
      }
    }
    return norm;
  }

  private Checkpoint.Position restore(Path file, Optimizer opt) {
    try (NDManager tmp = session.manager().newSubManager()) {
      Checkpoint.Contents c = Checkpoint.read(file, tmp);
      Map<String, NDArray> params = new LinkedHashMap<>();
      for (Pair<String, Parameter> p : session.method().block().getParameters()) {
        params.put(p.getKey(), p.getValue().getArray());
      }
      Checkpoint.copyInto("parameters", c.parameters(), params);
      Checkpoint.copyInto("method state", c.methodState(), session.method().state());
      opt.restore(c.optimizerState(), c.position().optimizerSteps());
      return c.position();
    }
  }

  /** Builder in DJL's style: {@code set} for what is required, {@code opt} for what is not. */
  public static final class Builder {
    private Session session;
    private RunDir run;
    private PrintStream progressOut = System.err;
    private int loaderThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private boolean quiet;
    private int keepCheckpoints = 2;
    private StepListener listener;
    private EpochListener epochListener;
    private List<ai.djl.Device> devices;

    /**
     * Trains data-parallel over these devices instead of the spec's (tests use two copies of the
     * CPU to run the multi-device path on a machine without GPUs).
     */
    public Builder optDevices(List<ai.djl.Device> d) {
      this.devices = List.copyOf(d);
      return this;
    }

    public Builder optStepListener(StepListener l) {
      this.listener = l;
      return this;
    }

    /** Called after every epoch, before its checkpoint is written (per-epoch evaluation). */
    public Builder optEpochListener(EpochListener l) {
      this.epochListener = l;
      return this;
    }

    public Builder setSession(Session s) {
      this.session = s;
      return this;
    }

    public Builder setRunDir(RunDir r) {
      this.run = r;
      return this;
    }

    public Builder optProgress(PrintStream out) {
      this.progressOut = out;
      return this;
    }

    public Builder optLoaderThreads(int n) {
      this.loaderThreads = n;
      return this;
    }

    public Builder optQuiet(boolean q) {
      this.quiet = q;
      return this;
    }

    public Builder optKeepCheckpoints(int n) {
      this.keepCheckpoints = n;
      return this;
    }

    public Trainer build() {
      if (session == null) {
        throw new IllegalStateException("Trainer needs a session (and a run directory to fit)");
      }
      return new Trainer(this);
    }
  }

  /** True if {@code dir} holds a run that can be resumed. */
  public static boolean resumable(Path dir) {
    return Files.isRegularFile(new RunDir(dir).spec()) && Checkpoint.latest(new RunDir(dir).checkpoints()) != null;
  }
}
