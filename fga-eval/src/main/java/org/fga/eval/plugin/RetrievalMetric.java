package org.fga.eval.plugin;

import java.util.Map;
import java.util.stream.IntStream;
import org.fga.core.metric.EvalNeeds;
import org.fga.core.metric.EvalOutputs;
import org.fga.core.metric.MetricProvider;
import org.fga.eval.reid.FeatureDistance;
import org.fga.eval.retrieval.RetrievalEvaluator;

/** {@code retrieval}: leave-one-out Recall@1/5 and mAP over embeddings, cosine distance. */
public final class RetrievalMetric implements MetricProvider {
  @Override
  public String name() {
    return "retrieval";
  }

  @Override
  public String description() {
    return "leave-one-out retrieval Recall@K and mAP (cosine)";
  }

  @Override
  public EvalNeeds needs() {
    return new EvalNeeds(false, true, false, false);
  }

  @Override
  public Map<String, Object> compute(EvalOutputs o) {
    double[][] f = Outputs.toDoubles(Outputs.require(o.embeddings(), name(), "embeddings"));
    int[] labels = Outputs.require(o.labels(), name(), "labels");
    int[] ks = IntStream.of(1, 5).filter(k -> k < Math.max(2, labels.length)).toArray();
    return RetrievalEvaluator.evaluate(f, labels, FeatureDistance.COSINE, ks);
  }
}
