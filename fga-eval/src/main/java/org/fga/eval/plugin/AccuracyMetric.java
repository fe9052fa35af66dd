package org.fga.eval.plugin;

import java.util.Map;
import java.util.stream.IntStream;
import org.fga.core.metric.EvalNeeds;
import org.fga.core.metric.EvalOutputs;
import org.fga.core.metric.MetricProvider;
import org.fga.eval.classification.Accuracy;

/** {@code accuracy}: top-1, top-5 (when there are at least 5 classes) and mean-class accuracy. */
public final class AccuracyMetric implements MetricProvider {
  @Override
  public String name() {
    return "accuracy";
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
  public Map<String, Object> compute(EvalOutputs o) {
    float[][] logits = Outputs.require(o.logits(), name(), "logits");
    int[] labels = Outputs.require(o.labels(), name(), "labels");
    int c = logits.length > 0 ? logits[0].length : o.info().numClasses();
    int[] ks = IntStream.of(1, 5).filter(k -> k <= c).toArray();
    Accuracy acc = new Accuracy(c, ks);
    for (int i = 0; i < logits.length; i++) {
      acc.add(Outputs.toDoubles(logits[i]), labels[i]);
    }
    return acc.toMap();
  }
}
