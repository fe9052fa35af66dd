package org.fga.eval.plugin;

import java.util.Map;
import org.fga.core.metric.EvalNeeds;
import org.fga.core.metric.EvalOutputs;
import org.fga.core.metric.MetricProvider;
import org.fga.eval.reid.FeatureDistance;
import org.fga.eval.reid.ReidEvaluator;

/**
 * {@code reid}: CMC (ranks 1–50), mAP and mINP under the Market-1501 protocol, queries = the
 * evaluated split, gallery = {@code outputs.gallery()}, Euclidean distance between embeddings.
 */
public final class ReidMetric implements MetricProvider {
  static final int MAX_RANK = 50;

  @Override
  public String name() {
    return "reid";
  }

  @Override
  public String description() {
    return "re-ID CMC/mAP/mINP, Market-1501 protocol (same id and camera removed)";
  }

  @Override
  public EvalNeeds needs() {
    return new EvalNeeds(false, true, false, false);
  }

  @Override
  public Map<String, Object> compute(EvalOutputs q) {
    EvalOutputs g = Outputs.require(q.gallery(), name(), "gallery");
    double[][] qf = Outputs.toDoubles(Outputs.require(q.embeddings(), name(), "embeddings"));
    double[][] gf = Outputs.toDoubles(Outputs.require(g.embeddings(), name(), "gallery.embeddings"));
    ReidEvaluator ev =
        new ReidEvaluator(
            Outputs.require(g.labels(), name(), "gallery.labels"),
            Outputs.require(g.cameras(), name(), "gallery.cameras"),
            MAX_RANK);
    ev.addAll(
        FeatureDistance.EUCLIDEAN.rows(qf, gf),
        Outputs.require(q.labels(), name(), "labels"),
        Outputs.require(q.cameras(), name(), "cameras"));
    return ev.toMap();
  }
}
