package org.fga.core.probe;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;
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
import org.fga.core.data.FgaDataset;
import org.fga.core.data.Split;
import org.fga.core.data.Task;
import org.fga.core.error.FgaUserException;
import org.fga.core.method.Batch;
import org.fga.core.method.Method;
import org.fga.core.method.StepContext;
import org.fga.core.nn.LossFunctions;
import org.fga.core.rundir.RunDir;
import org.fga.core.error.InvalidOptionException;
import org.fga.core.spec.LinearProbeSpec;
import org.fga.core.train.BatchLoader;
import org.fga.core.train.Checkpoint;
import org.fga.core.train.HostBatch;
import org.fga.core.train.LrSchedule;
import org.fga.core.train.ProgressBar;
import org.fga.core.train.Session;
import org.fga.core.train.optim.ParamGroup;
import org.fga.core.train.optim.Sgd;

/**
 * Trains a linear classifier on the frozen features ({@link Method#features}) of the session's
 * method, as MoCo's and LCR's {@code main_lincls.py} do: the method runs in evaluation mode
 * (BatchNorm uses and keeps its running statistics) outside any gradient collector, so neither its
 * parameters nor its statistics change; only the classifier learns, by SGD on cross-entropy. The
 * classifier starts as main_lincls's: weights N(0, 0.01²), bias 0.
 *
 * <p>The test split's features are computed once (the backbone is frozen and the test pipeline
 * deterministic, so they cannot change) and scored after every epoch, for the per-epoch log and
 * the best epoch. The training features are recomputed every batch, through the probe's own
 * augmenting pipeline. A checkpoint (classifier, optimiser, accuracies so far) is written after
 * every epoch under {@code probe/}, so a killed probe resumes where it stopped, bit-identically.
 */
public final class LinearProbe {
  /** Seeds the probe's data order apart from the main phase's, which uses the bare seed. */
  private static final long SEED_SALT = 0x11e0b;

  private final Session session;
  private final LinearProbeSpec spec;
  private final Path dir;
  private final String source;
  private final PrintStream progressOut;
  private final boolean quiet;
  private final int loaderThreads;

  private LinearProbe(Builder b) {
    this.session = b.session;
    this.spec = b.spec;
    this.dir = b.run.root().resolve("probe");
    this.source = b.source;
    this.progressOut = b.progressOut;
    this.quiet = b.quiet;
    this.loaderThreads = b.loaderThreads;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Trains (or resumes) the probe to its last epoch and returns its test accuracies. */
  public ProbeResult run() {
    FgaDataset trainSplit = session.train();
    if (trainSplit.info().task() != Task.CLASSIFICATION) {
      // re-ID identities of the training split never appear in the test split, and multi-label
      // images have no single class: a softmax probe's top-1 means nothing there
      throw new FgaUserException(
          "eval.linearProbe needs single-label classification data; " + trainSplit.info().name() + " is "
              + trainSplit.info().task().name().toLowerCase(java.util.Locale.ROOT) + " (score its features with"
              + " retrieval or reid instead)");
    }
    if (trainSplit.size() < spec.batchSize()) {
      throw new FgaUserException(
          "eval.linearProbe.batchSize " + spec.batchSize() + " exceeds the training split's " + trainSplit.size()
              + " samples; lower it (-o eval.linearProbe.batchSize=N)");
    }
    guardSource();
    long seed = BatchLoader.mix(session.spec().seed(), SEED_SALT, 0);
    int classes = trainSplit.info().numClasses();
    try (NDManager probeManager = session.manager().newSubManager();
        BatchLoader loader = newLoader(trainSplit, true, seed)) {
      TestSet test = testFeatures(probeManager, seed);
      Linear classifier = newClassifier(probeManager, test.features().getShape().get(1), classes);
      List<Parameter> params = classifier.getParameters().values();
      try (Sgd opt = new Sgd(List.of(new ParamGroup("probe", params, 1.0, spec.weightDecay())), probeManager,
          spec.momentum(), false)) {
        int perEpoch = loader.batchesPerEpoch();
        long total = (long) perEpoch * spec.epochs();
        double[] acc = {Double.NaN, -1, 0}; // last top-1, best top-1, best epoch (1-based)
        int startEpoch = 0;
        long step = 0;
        Path latest = Checkpoint.latest(checkpoints());
        if (latest != null) {
          Checkpoint.Position pos = restore(latest, classifier, opt, acc, probeManager);
          startEpoch = pos.epochs();
          step = pos.step();
          if (!quiet) {
            progressOut.println("resuming the linear probe from " + latest + " (epoch " + startEpoch + ")");
          }
        }
        LrSchedule schedule = new LrSchedule(spec.asSchedule());
        ProgressBar bar = new ProgressBar(progressOut, total, step).quiet(quiet).label("linear probe");
        Method method = session.method();
        try (ProbeLog log = ProbeLog.open(dir.resolve("probe.jsonl"), startEpoch)) {
          for (int epoch = startEpoch; epoch < spec.epochs(); epoch++) {
            double lossSum = 0;
            long right = 0;
            long seen = 0;
            double lr = 0;
            Iterator<HostBatch> it = loader.epoch(epoch, 0);
            while (it.hasNext()) {
              long t0 = System.nanoTime();
              HostBatch hb = it.next();
              lr = schedule.lr((double) step / perEpoch);
              try (NDManager m = stepManager(params)) {
                Batch batch = hb.toBatch(m);
                NDArray features = frozenFeatures(method, m, batch);
                NDArray logits;
                NDArray loss;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                  logits = classifier.forward(new ParameterStore(m, false), new NDList(features), true).singletonOrThrow();
                  loss = LossFunctions.crossEntropy(logits, batch.labels());
                  gc.backward(loss);
                }
                opt.step(lr);
                float l = loss.getFloat();
                if (!Float.isFinite(l)) {
                  throw new FgaUserException(
                      "linear probe loss is " + l + " at epoch " + (epoch + 1) + "; lower eval.linearProbe.lr ("
                          + InvalidOptionException.show(spec.lr()) + ")");
                }
                lossSum += l * (double) batch.size();
                right += correct(logits, batch.labels());
                seen += batch.size();
              }
              step++;
              Map<String, Float> terms = Map.of("loss", (float) (lossSum / seen));
              bar.update(epoch, spec.epochs(), step, terms, lr, hb.size() / ((System.nanoTime() - t0) / 1e9));
            }
            acc[0] = test.top1(classifier, params, this);
            if (acc[0] > acc[1]) {
              acc[1] = acc[0];
              acc[2] = epoch + 1;
            }
            // the log line first: a probe killed between the two redoes the epoch and drops the line
            log.write(epoch + 1, step, lossSum / seen, lr, (double) right / seen, acc[0]);
            save(new Checkpoint.Position(epoch + 1, step, opt.steps()), classifier, opt, acc, probeManager);
          }
        }
        return new ProbeResult(spec.report(), acc[0], acc[1], (int) acc[2], spec.epochs(), source,
            (int) test.features().getShape().get(0));
      }
    }
  }

  /** B×D features of the frozen method: evaluation mode, no gradient collector, detached. */
  static NDArray frozenFeatures(Method method, NDManager m, Batch batch) {
    StepContext ctx = new StepContext(m, new ParameterStore(m, false), false, new Random(0), 0, 0, 0);
    NDArray f = method.features(ctx, batch);
    if (f == null) {
      throw new FgaUserException("the method has no features to probe (Method.features returned null)");
    }
    return f.toType(DataType.FLOAT32, false).stopGradient();
  }

  /** A step manager that also frees what operations on the classifier's weights create. */
  NDManager stepManager(List<Parameter> classifierParams) {
    NDManager m = session.newStepManager();
    for (Parameter p : classifierParams) {
      p.getArray().tempAttach(m);
    }
    return m;
  }

  private static long correct(NDArray logits, NDArray labels) {
    return logits.argMax(1).toType(DataType.INT64, false).eq(labels.toType(DataType.INT64, false)).sum().getLong();
  }

  private BatchLoader newLoader(FgaDataset ds, boolean training, long seed) {
    var pipeline = spec.pipeline();
    return new BatchLoader(ds, training ? pipeline.trainTransform() : pipeline.testTransform(),
        session.backbone().cfg().mean(), session.backbone().cfg().std(), spec.batchSize(), training, seed,
        loaderThreads);
  }

  /** The test split's features and labels, computed once. */
  private TestSet testFeatures(NDManager probeManager, long seed) {
    FgaDataset ds = session.open(Split.TEST);
    float[][] rows = new float[ds.size()][];
    long[] labels = new long[ds.size()];
    int k = 0;
    try (BatchLoader loader = newLoader(ds, false, seed)) {
      Iterator<HostBatch> it = loader.epoch(0, 0);
      while (it.hasNext()) {
        try (NDManager m = session.newStepManager()) {
          Batch batch = it.next().toBatch(m);
          if (spec.scoresFullBatchesOnly() && batch.size() < spec.batchSize()) {
            break; // the last, partial batch: a drop-last test loader never yields it
          }
          NDArray f = frozenFeatures(session.method(), m, batch);
          long[] l = batch.labels().toType(DataType.INT64, false).toLongArray();
          for (int i = 0; i < batch.size(); i++, k++) {
            rows[k] = f.get(i).toFloatArray();
            labels[k] = l[i];
          }
        }
      }
    }
    if (k == 0) {
      throw new FgaUserException(ds.size() == 0 ? "the test split is empty: nothing to score the linear probe on"
          : "eval.linearProbe.dropLast: the test split's " + ds.size() + " images make no full batch of "
              + spec.batchSize() + "; lower eval.linearProbe.batchSize");
    }
    float[] flat = new float[k * rows[0].length];
    for (int i = 0; i < k; i++) {
      System.arraycopy(rows[i], 0, flat, i * rows[0].length, rows[0].length);
    }
    NDArray features = probeManager.create(flat, new Shape(k, rows[0].length));
    return new TestSet(features, probeManager.create(java.util.Arrays.copyOf(labels, k)));
  }

  /** The test features, scored by the classifier after each epoch. */
  private record TestSet(NDArray features, NDArray labels) {
    double top1(Linear classifier, List<Parameter> params, LinearProbe probe) {
      try (NDManager m = probe.stepManager(params)) {
        features.tempAttach(m);
        NDArray logits =
            classifier.forward(new ParameterStore(m, false), new NDList(features), false).singletonOrThrow();
        return (double) correct(logits, labels) / features.getShape().get(0);
      }
    }
  }

  /** main_lincls.py's classifier: Linear(D, C), weight ~ N(0, 0.01²), bias 0. */
  private Linear newClassifier(NDManager manager, long dim, int classes) {
    Linear fc = Linear.builder().setUnits(classes).build();
    fc.setInitializer(new NormalInitializer(0.01f), Parameter.Type.WEIGHT);
    fc.setInitializer(new ConstantInitializer(0f), Parameter.Type.BIAS);
    Engine.getInstance().setRandomSeed((int) BatchLoader.mix(session.spec().seed(), SEED_SALT, 1));
    fc.initialize(manager, DataType.FLOAT32, new Shape(1, dim));
    return fc;
  }

  private Path checkpoints() {
    return dir.resolve("checkpoints");
  }

  /**
   * A probe directory belongs to one checkpoint and one probe spec: resuming it with others would
   * mix two probes into one result, so that is refused.
   */
  private void guardSource() {
    Path marker = dir.resolve("source.txt");
    try {
      String now = "checkpoint: " + source + "\nprobe: " + session.plugins().json().writeValueAsString(spec) + "\n";
      if (Files.isRegularFile(marker)) {
        String before = Files.readString(marker);
        if (!before.equals(now)) {
          throw new FgaUserException(
              dir + " holds a probe of another checkpoint or probe spec (" + before.lines().findFirst().orElse("")
                  + "); remove that directory to probe again");
        }
        return;
      }
      Files.createDirectories(dir);
      RunDir.writeAtomically(marker, now);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + marker, e);
    }
  }

  private void save(Checkpoint.Position pos, Linear classifier, Sgd opt, double[] acc, NDManager manager) {
    try (NDManager tmp = manager.newSubManager()) {
      Map<String, NDArray> state = new LinkedHashMap<>();
      state.put("accuracy", tmp.create(acc));
      Checkpoint.save(checkpoints(), pos, classifier.getParameters(), opt.state(), state, 2);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a probe checkpoint in " + checkpoints(), e);
    }
  }

  private static Checkpoint.Position restore(Path file, Linear classifier, Sgd opt, double[] acc, NDManager manager) {
    try (NDManager tmp = manager.newSubManager()) {
      Checkpoint.Contents c = Checkpoint.read(file, tmp);
      Map<String, NDArray> params = new LinkedHashMap<>();
      for (Pair<String, Parameter> p : classifier.getParameters()) {
        params.put(p.getKey(), p.getValue().getArray());
      }
      Checkpoint.copyInto("parameters", c.parameters(), params);
      double[] saved = c.methodState().get("accuracy").toDoubleArray();
      System.arraycopy(saved, 0, acc, 0, acc.length);
      opt.restore(c.optimizerState(), c.position().optimizerSteps());
      return c.position();
    }
  }

  /** Builder in DJL's style: {@code set} for what is required, {@code opt} for what is not. */
  public static final class Builder {
    private Session session;
    private LinearProbeSpec spec;
    private RunDir run;
    private String source = "";
    private PrintStream progressOut = System.err;
    private boolean quiet;
    private int loaderThreads = Math.max(1, Runtime.getRuntime().availableProcessors());

    /** The session whose method (with its trained weights loaded) is probed. */
    public Builder setSession(Session s) {
      this.session = s;
      return this;
    }

    public Builder setSpec(LinearProbeSpec s) {
      this.spec = s;
      return this;
    }

    /** The run directory; the probe writes under its {@code probe/}. */
    public Builder setRunDir(RunDir r) {
      this.run = r;
      return this;
    }

    /** The file name of the checkpoint the weights came from, recorded with the result. */
    public Builder optSource(String checkpointName) {
      this.source = checkpointName;
      return this;
    }

    public Builder optProgress(PrintStream out) {
      this.progressOut = out;
      return this;
    }

    public Builder optQuiet(boolean q) {
      this.quiet = q;
      return this;
    }

    public Builder optLoaderThreads(int n) {
      this.loaderThreads = n;
      return this;
    }

    public LinearProbe build() {
      if (session == null || spec == null || run == null) {
        throw new IllegalStateException("LinearProbe needs a session, a probe spec and a run directory");
      }
      if (spec.pipeline() == null) {
        throw new IllegalStateException("the probe spec has no pipeline; ExperimentSpec fills it in");
      }
      return new LinearProbe(this);
    }
  }
}
