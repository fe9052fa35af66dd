package org.fga.eval.plugin;

import java.util.Map;
import org.fga.core.metric.EvalNeeds;
import org.fga.core.metric.EvalOutputs;
import org.fga.core.metric.TypedMetric;
import org.fga.eval.retrieval.RetrievalEvaluator;

/**
 * {@code retrieval}: leave-one-out top-K hit rates ({@code top1}, {@code top5} by default) and mAP
 * over the features the evaluator collects ({@code Method.features}: what a frozen-feature
 * evaluation sees), cosine by default.
 */
public final class RetrievalMetric extends TypedMetric<RetrievalMetricConfig> {
  @Override
  public RetrievalMetricConfig defaultConfig() {
    return RetrievalMetricConfig.defaults();
  }

  @Override
  public String description() {
    return "leave-one-out retrieval: top-K hit rate and mAP (cosine)";
  }

  @Override
  public EvalNeeds needs() {
    return new EvalNeeds(false, true, false, false);
  }

  @Override
  protected Map<String, Object> score(EvalOutputs o, RetrievalMetricConfig config) {
    double[][] f = Outputs.toDoubles(Outputs.require(o.embeddings(), name(), "embeddings"));
    int[] labels = Outputs.require(o.labels(), name(), "labels");
    // leave-one-out: a K as large as the sample count has nothing left to rank, so it is skipped
    int[] ks =
        config.topK().stream().mapToInt(Integer::intValue).filter(k -> k < Math.max(2, labels.length)).toArray();
    return RetrievalEvaluator.evaluate(f, labels, OptionChecks.toDistance(config.distance()), ks, config.tieOrder());
  }
}
