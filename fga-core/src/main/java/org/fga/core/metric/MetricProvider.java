package org.fga.core.metric;

import java.util.Map;
import org.fga.core.plugin.Named;

/** A metric plugin, named in an experiment's {@code eval.metrics}. */
public interface MetricProvider extends Named {
  /** What the evaluator must collect for this metric. */
  EvalNeeds needs();

  /** Scores the collected outputs; values are fractions in [0, 1] or lists/maps of them. */
  Map<String, Object> compute(EvalOutputs outputs);
}
