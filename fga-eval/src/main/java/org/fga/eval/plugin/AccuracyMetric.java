package org.fga.eval.plugin;

import java.util.Map;
import org.fga.core.metric.EvalNeeds;
import org.fga.core.metric.EvalOutputs;
import org.fga.core.metric.TypedMetric;
import org.fga.eval.classification.Accuracy;

/** {@code accuracy}: top-k (default 1 and 5, each when there are at least k classes) and mean-class accuracy. */
public final class AccuracyMetric extends TypedMetric<AccuracyMetricConfig> {
  @Override
  public AccuracyMetricConfig defaultConfig() {
    return AccuracyMetricConfig.defaults();
  }

  @Override
  public String description() {
    return "top-1/top-5 and mean-class accuracy from logits";
  }

  @Override
  public EvalNeeds needs() {
    return new EvalNeeds(true, false, false, false);
  }

  @Override
  protected Map<String, Object> score(EvalOutputs o, AccuracyMetricConfig config) {
    float[][] logits = Outputs.require(o.logits(), name(), "logits");
    int[] labels = Outputs.require(o.labels(), name(), "labels");
    int c = logits.length > 0 ? logits[0].length : o.info().numClasses();
    // a k above the class count is skipped, so the default top-5 does not fail on 2-class data
    int[] ks = config.topK().stream().mapToInt(Integer::intValue).filter(k -> k <= c).toArray();
    Accuracy acc = new Accuracy(c, ks);
    for (int i = 0; i < logits.length; i++) {
      acc.add(Outputs.toDoubles(logits[i]), labels[i]);
    }
    return acc.toMap();
  }
}
