package org.fga.eval.plugin;

import java.util.Map;
import org.fga.core.metric.EvalNeeds;
import org.fga.core.metric.EvalOutputs;
import org.fga.core.metric.TypedMetric;
import org.fga.eval.reid.ReidEvaluator;

/**
 * {@code reid}: CMC (ranks 1 to {@code maxRank}, default 50), mAP and mINP under the Market-1501
 * protocol, queries = the evaluated split, gallery = {@code outputs.gallery()}, distance between
 * embeddings Euclidean by default.
 */
public final class ReidMetric extends TypedMetric<ReidMetricConfig> {
  @Override
  public ReidMetricConfig defaultConfig() {
    return ReidMetricConfig.defaults();
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
  protected Map<String, Object> score(EvalOutputs q, ReidMetricConfig config) {
    EvalOutputs g = Outputs.require(q.gallery(), name(), "gallery");
    double[][] qf = Outputs.toDoubles(Outputs.require(q.embeddings(), name(), "embeddings"));
    double[][] gf = Outputs.toDoubles(Outputs.require(g.embeddings(), name(), "gallery.embeddings"));
    ReidEvaluator ev =
        new ReidEvaluator(
            Outputs.require(g.labels(), name(), "gallery.labels"),
            Outputs.require(g.cameras(), name(), "gallery.cameras"),
            config.maxRank());
    ev.addAll(
        OptionChecks.toDistance(config.distance()).rows(qf, gf),
        Outputs.require(q.labels(), name(), "labels"),
        Outputs.require(q.cameras(), name(), "cameras"));
    return ev.toMap();
  }
}
