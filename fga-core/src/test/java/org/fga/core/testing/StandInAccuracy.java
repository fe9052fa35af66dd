package org.fga.core.testing;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Map;
import org.fga.core.metric.EvalNeeds;
import org.fga.core.metric.EvalOutputs;
import org.fga.core.metric.MetricConfig;
import org.fga.core.metric.TypedMetric;

/**
 * A stand-in for fga-eval's {@code accuracy}, the default metric, so that core tests can name it in
 * experiment files (names are resolved when the file is read) without depending on fga-eval.
 */
public final class StandInAccuracy extends TypedMetric<StandInAccuracy.Config> {
  /** No options: the tests only need the name to resolve. */
  @JsonTypeName("accuracy")
  public record Config() implements MetricConfig {}

  @Override
  public Config defaultConfig() {
    return new Config();
  }

  @Override
  public EvalNeeds needs() {
    return new EvalNeeds(true, false, false, false);
  }

  @Override
  protected Map<String, Object> score(EvalOutputs outputs, Config config) {
    int right = 0;
    for (int i = 0; i < outputs.size(); i++) {
      float[] row = outputs.logits()[i];
      int best = 0;
      for (int c = 1; c < row.length; c++) {
        best = row[c] > row[best] ? c : best;
      }
      right += best == outputs.labels()[i] ? 1 : 0;
    }
    return Map.of("top1", outputs.size() == 0 ? 0.0 : (double) right / outputs.size());
  }
}
