package org.fga.core.evaluate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.fga.core.data.Box;
import org.fga.core.data.FgaDataset;
import org.fga.core.data.Mask;
import org.fga.core.data.Sample;
import org.fga.core.data.Task;
import org.fga.core.method.Batch;
import org.fga.core.method.Method;
import org.fga.core.method.Outputs;
import org.fga.core.method.StepContext;
import org.fga.core.metric.EvalNeeds;
import org.fga.core.metric.EvalOutputs;
import org.fga.core.train.BatchLoader;
import org.fga.core.train.HostBatch;
import org.fga.core.train.Session;

/**
 * Runs a trained method in evaluation mode over one split and keeps, in dataset order, what the
 * metrics need (labels, logits, embeddings, attention maps, boxes, masks, cameras) and the first
 * few samples for the overlays, so nothing is read or transformed twice.
 */
final class OutputCollector {
  private final Session session;
  private final int batchSize;

  OutputCollector(Session session, int batchSize) {
    this.session = session;
    this.batchSize = batchSize;
  }

  /** What one pass over a split gave: the metrics' inputs and the overlays' samples. */
  record Collected(EvalOutputs outputs, List<OverlaySample> overlays) {}

  /**
   * Collects {@code needs} over {@code ds}; the first {@code overlays} samples are kept with the
   * regions the method chose for them.
   */
  Collected collect(FgaDataset ds, EvalNeeds needs, EvalOutputs heldOut, int overlays) {
    int n = ds.size();
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
    float[][][][] classMaps = needs.classMaps() ? new float[n][][][] : null;
    List<List<Box>> boxes = new ArrayList<>(n);
    List<Mask> masks = new ArrayList<>(n);
    int[] cams = new int[n];
    List<OverlaySample> kept = new ArrayList<>();
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
          float[][][][] batchClassMaps = needs.classMaps() ? AttentionMaps.ofEveryPresentClass(method, ctx, batch) : null;
          // the ground-truth class's map is usually the first present class's: one attention pass, not two
          float[][][] batchMaps = null;
          if (needs.maps()) {
            batchMaps = batchClassMaps == null ? null : AttentionMaps.groundTruthFrom(batchClassMaps, batch);
            if (batchMaps == null) {
              batchMaps = AttentionMaps.of(method, ctx, batch);
            }
          }
          if (k < overlays) {
            List<List<Box>> chosen = method.regions(ctx, batch);
            for (int i = 0; i < batch.size() && k + i < overlays; i++) {
              kept.add(new OverlaySample(batch.samples().get(i), chosen == null ? List.of() : chosen.get(i)));
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
              maps[k] = batchMaps[i];
            }
            if (classMaps != null) {
              classMaps[k] = batchClassMaps[i];
            }
          }
        }
      }
    }
    EvalOutputs outputs =
        new EvalOutputs(ds.info(), ids, labels, multi, logits, emb, maps, classMaps, boxes, masks, cams, heldOut, null);
    return new Collected(outputs, List.copyOf(kept));
  }

  private static float[] row(NDArray a, int i) {
    return a.get(i).toType(DataType.FLOAT32, false).toFloatArray();
  }

  /** Whether {@code method} has its own {@link Method#features} rather than the default embedding. */
  static boolean overridesFeatures(Method method) {
    try {
      return method.getClass().getMethod("features", StepContext.class, Batch.class).getDeclaringClass() != Method.class;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }
}
