package org.fga.core.evaluate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.fga.core.data.Box;
import org.fga.core.data.FgaDataset;
import org.fga.core.data.Mask;
import org.fga.core.data.Sample;
import org.fga.core.data.Split;
import org.fga.core.data.Task;
import org.fga.core.error.FgaUserException;
import org.fga.core.method.Batch;
import org.fga.core.method.Method;
import org.fga.core.method.Outputs;
import org.fga.core.method.StepContext;
import org.fga.core.metric.EvalNeeds;
import org.fga.core.metric.EvalOutputs;
import org.fga.core.metric.MetricConfig;
import org.fga.core.run.RunDir;
import org.fga.core.spec.EvalSpec;
import org.fga.core.train.BatchLoader;
import org.fga.core.train.HostBatch;
import org.fga.core.train.Session;

/**
 * Runs a trained method in evaluation mode over the reported split (and the held-out split when a
 * metric chooses thresholds), collects what the requested metrics need and scores it. Attention
 * maps are taken for the ground-truth class and resized to the image before scoring, as
 * wsolevaluation's inference.py does ({@code cv2.resize(..., INTER_CUBIC)} of the float64 CAM,
 * {@link MapResize#cubic}), then kept in float32; metrics normalise them (min-max) themselves.
 * Embeddings are {@link Method#features}, the feature frozen-feature evaluations use.
 */
public final class Evaluator {
  private final Session session;
  private final int batchSize;

  public Evaluator(Session session, int batchSize) {
    this.session = session;
    this.batchSize = batchSize;
  }

  /** Scores the spec's metrics: metric name → its result. Writes overlays if {@code run} != null. */
  public Map<String, Object> evaluate(EvalSpec spec, RunDir run) {
    List<ConfiguredMetric> metrics = new ArrayList<>();
    EvalNeeds needs = EvalNeeds.none();
    for (MetricConfig config : spec.metricsOrDefault(session.plugins().metrics())) {
      ConfiguredMetric m = ConfiguredMetric.of(session.plugins().metrics(), config);
      metrics.add(m);
      needs = needs.or(m.provider().needs());
    }
    boolean wantOverlays = run != null && spec.overlays() > 0 && canAttend();
    overlayCount = wantOverlays ? spec.overlays() : 0;
    EvalNeeds collectNeeds = wantOverlays ? needs.or(new EvalNeeds(false, false, true, false)) : needs;
    if (spec.heldOut() != null && split(spec.heldOut()) == split(spec.split())) {
      // A threshold chosen on the split it is reported on is the optimistic protocol: refuse it.
      throw new FgaUserException("eval.heldOut '" + spec.heldOut() + "' is the reported split; choose another"
          + " split (e.g. val) or leave heldOut out to report the max over thresholds");
    }
    boolean reid = session.train().info().task() == Task.REID;
    // each split is opened (its lists read, its files found) once, then checked and collected
    FgaDataset reported = reid ? null : session.open(split(spec.split()));
    EvalOutputs heldOut = null;
    if (needs.heldOut() && spec.heldOut() != null) {
      FgaDataset held = session.open(split(spec.heldOut()));
      requireDisjoint(held, spec.heldOut(), reported != null ? reported : session.open(split(spec.split())), spec.split());
      heldOut = collect(held, collectNeeds, null);
    }
    EvalOutputs test;
    if (reid) {
      // re-ID protocols rank a gallery for each query: the reported split is query vs gallery
      test = collect(Split.QUERY, collectNeeds, heldOut).withGallery(collect(Split.GALLERY, collectNeeds, null));
    } else {
      test = collect(reported, collectNeeds, heldOut);
    }
    Map<String, Object> results = new LinkedHashMap<>();
    for (ConfiguredMetric m : metrics) {
      results.put(m.name(), m.compute(test));
    }
    if (wantOverlays) {
      writeOverlays(test, spec, metrics, results, run);
    }
    return results;
  }

  /**
   * Refuses a held-out split that shares images with the reported one. Different split names are
   * not enough: a reader may serve two names from one folder (ImageNet's val/ as both val and
   * test), and a threshold chosen there would be chosen on the reported images. Images are
   * compared by {@link FgaDataset#source}, not by id, because two lists may name one file
   * differently.
   */
  private static void requireDisjoint(FgaDataset held, String heldName, FgaDataset test, String testName) {
    java.util.Set<String> sources = new java.util.HashSet<>();
    for (int i = 0; i < held.size(); i++) {
      sources.add(held.source(i));
    }
    int shared = 0;
    String example = null;
    for (int i = 0; i < test.size(); i++) {
      if (sources.contains(test.source(i))) {
        shared++;
        example = example == null ? test.id(i) : example;
      }
    }
    if (shared > 0) {
      throw new FgaUserException(
          "eval.heldOut split '" + heldName.toLowerCase(Locale.ROOT) + "' shares " + shared
              + " of its images with the reported split '" + testName.toLowerCase(Locale.ROOT)
              + "' (e.g. " + example + "); thresholds must be chosen on other images: give the held-out"
              + " split its own (data.splits.val, or the reader's held-out option)");
    }
  }

  private boolean canAttend() {
    return session.train().info().task() != Task.REID;
  }

  static Split split(String name) {
    try {
      return Split.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new FgaUserException(
          "unknown split '" + name + "'; known: " + java.util.Arrays.stream(Split.values())
              .map(s -> s.name().toLowerCase(Locale.ROOT)).toList());
    }
  }

  /** Runs the method over one split and keeps what {@code needs} asks for, in dataset order. */
  public EvalOutputs collect(Split split, EvalNeeds needs, EvalOutputs heldOut) {
    return collect(session.open(split), needs, heldOut);
  }

  /** Regions the method chose for the first images of the last split collected with overlays. */
  private final List<List<Box>> overlayRegions = new ArrayList<>();

  private int overlayCount;

  private EvalOutputs collect(FgaDataset ds, EvalNeeds needs, EvalOutputs heldOut) {
    int n = ds.size();
    overlayRegions.clear();
    // re-ID query and gallery samples carry label -1 (their identities are not classifier
    // classes) and match by identity: with their labels every query matched every gallery image
    // of another camera, and any model, even an untrained one, scored mAP = rank-1 = 100 %
    boolean byIdentity = ds.info().task() == Task.REID;
    List<String> ids = new ArrayList<>(n);
    int[] labels = new int[n];
    int[][] multi = new int[n][];
    float[][] logits = needs.logits() ? new float[n][] : null;
    float[][] emb = needs.embeddings() ? new float[n][] : null;
    float[][][] maps = needs.maps() ? new float[n][][] : null;
    List<List<Box>> boxes = new ArrayList<>(n);
    List<Mask> masks = new ArrayList<>(n);
    int[] cams = new int[n];
    Method method = session.method();
    // embeddings are what frozen-feature metrics (retrieval, re-ID) score: Method.features. Its
    // default is infer()'s embedding, so only a method that overrides it pays a second forward
    boolean ownFeatures = overridesFeatures(method);
    float[] mean = session.backbone().cfg().mean();
    float[] std = session.backbone().cfg().std();
    int k = 0;
    try (BatchLoader loader =
        new BatchLoader(ds, session.spec().pipeline().testTransform(), mean, std, batchSize, false,
            session.spec().seed(), Runtime.getRuntime().availableProcessors())) {
      Iterator<HostBatch> it = loader.epoch(0, 0);
      while (it.hasNext()) {
        try (NDManager m = session.newStepManager()) {
          Batch batch = it.next().toBatch(m);
          StepContext ctx = new StepContext(m, new ParameterStore(m, false), false, new Random(0), 0, 0, 0);
          Outputs out = needs.logits() || (needs.embeddings() && !ownFeatures) ? method.infer(ctx, batch) : null;
          NDArray features = !needs.embeddings() ? null : ownFeatures ? method.features(ctx, batch) : out.embedding();
          float[][] batchMaps = needs.maps() ? maps(method, ctx, batch) : null;
          if (k < overlayCount) {
            List<List<Box>> chosen = method.regions(ctx, batch);
            for (int i = 0; i < batch.size() && k + i < overlayCount; i++) {
              overlayRegions.add(chosen == null ? List.of() : chosen.get(i));
            }
          }
          for (int i = 0; i < batch.size(); i++, k++) {
            Sample s = batch.samples().get(i);
            ids.add(s.id());
            labels[k] = byIdentity ? s.identity() : s.label();
            multi[k] = s.labels();
            boxes.add(s.boxes());
            masks.add(s.objectMask());
            cams[k] = s.camera();
            if (logits != null && out.logits() != null) {
              logits[k] = row(out.logits(), i);
            }
            if (emb != null && features != null) {
              emb[k] = row(features, i);
            }
            if (maps != null) {
              int h = s.image().height();
              int w = s.image().width();
              float[][] grid = new float[h][];
              for (int y = 0; y < h; y++) {
                grid[y] = java.util.Arrays.copyOfRange(batchMaps[i], y * w, (y + 1) * w);
              }
              maps[k] = grid;
            }
          }
        }
      }
    }
    return new EvalOutputs(ds.info(), ids, labels, multi, logits, emb, maps, boxes, masks, cams, heldOut, null);
  }

  static boolean overridesFeatures(Method method) {
    try {
      return method.getClass().getMethod("features", StepContext.class, Batch.class).getDeclaringClass() != Method.class;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  private static float[] row(NDArray a, int i) {
    return a.get(i).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
  }

  /** Attention of the ground-truth class (first listed class for multi-label), at image size. */
  private float[][] maps(Method method, StepContext ctx, Batch batch) {
    int n = batch.size();
    long[] cls = new long[n];
    for (int i = 0; i < n; i++) {
      Sample s = batch.samples().get(i);
      cls[i] = s.label() >= 0 ? s.label() : (s.labels() != null && s.labels().length > 0 ? s.labels()[0] : 0);
    }
    NDArray att = method.attention(ctx, batch, ctx.manager().create(cls));
    int h = (int) att.getShape().get(1);
    int w = (int) att.getShape().get(2);
    float[] flat = att.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
    float[][] out = new float[n][];
    for (int i = 0; i < n; i++) {
      Sample s = batch.samples().get(i);
      float[] one = java.util.Arrays.copyOfRange(flat, i * h * w, (i + 1) * h * w);
      out[i] = MapResize.bicubic(one, h, w, s.image().height(), s.image().width());
    }
    return out;
  }

  /**
   * Writes {@code attention/NNNN.png} for the first images of the reported split: the map, the
   * ground-truth boxes in green and, when a metric predicts boxes ({@link BoxPredictor}, e.g.
   * {@code wsol} at its chosen threshold), the predicted boxes in red, and the regions the method
   * chose itself ({@link Method#regions}) in blue.
   */
  @SuppressWarnings("unchecked")
  private void writeOverlays(
      EvalOutputs test, EvalSpec spec, List<ConfiguredMetric> metrics, Map<String, Object> results, RunDir run) {
    BoxPredictor predictor = null;
    MetricConfig predictorConfig = null;
    Map<String, Object> result = null;
    for (ConfiguredMetric m : metrics) {
      if (m.provider() instanceof BoxPredictor bp && results.get(m.name()) instanceof Map<?, ?> r) {
        predictor = bp;
        predictorConfig = m.config();
        result = (Map<String, Object>) r;
        break;
      }
    }
    FgaDataset ds = session.open(split(spec.split()));
    for (int i = 0; i < Math.min(spec.overlays(), test.size()); i++) {
      Sample s = session.spec().pipeline().testTransform().apply(ds.get(i), new Random(0));
      float[][] grid = test.maps()[i];
      int h = grid.length;
      int w = grid[0].length;
      float[] flat = new float[h * w];
      for (int y = 0; y < h; y++) {
        System.arraycopy(grid[y], 0, flat, y * w, w);
      }
      List<Box> predicted = predictor == null ? List.of() : predictor.predictedBoxes(grid, predictorConfig, result);
      String name = String.format(Locale.ROOT, "%04d.png", i);
      List<Box> chosen = i < overlayRegions.size() ? overlayRegions.get(i) : List.of();
      Overlay.write(Overlay.render(s.image(), flat, s.boxes(), predicted, chosen), run.attention().resolve(name));
    }
  }
}
