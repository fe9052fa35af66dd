package org.fga.eval.plugin;

import java.util.Map;
import org.fga.core.error.FgaUserException;
import org.fga.core.metric.EvalNeeds;
import org.fga.core.metric.EvalOutputs;
import org.fga.core.metric.TypedMetric;
import org.fga.eval.classification.MultiLabelMap;

/** {@code multilabel-map}: mean over classes of the non-interpolated AP (sklearn's definition). */
public final class MultiLabelMapMetric extends TypedMetric<MultiLabelMapMetricConfig> {
  @Override
  public MultiLabelMapMetricConfig defaultConfig() {
    return MultiLabelMapMetricConfig.defaults();
  }

  @Override
  public String description() {
    return "multi-label mAP (non-interpolated AP per class, classes without positives left out)";
  }

  @Override
  public EvalNeeds needs() {
    return new EvalNeeds(true, false, false, false);
  }

  @Override
  protected Map<String, Object> score(EvalOutputs o, MultiLabelMapMetricConfig config) {
    float[][] logits = Outputs.require(o.logits(), name(), "logits");
    int[][] present = Outputs.require(o.multiLabels(), name(), "multiLabels");
    int c = logits.length > 0 ? logits[0].length : o.info().numClasses();
    MultiLabelMap map = new MultiLabelMap(c, config.voc07());
    for (int i = 0; i < logits.length; i++) {
      boolean[] t = new boolean[c];
      for (int cls : present[i]) {
        if (cls < 0 || cls >= c) {
          throw new FgaUserException(name() + ": sample " + i + " has class " + cls + ", not in [0, " + c + ")");
        }
        t[cls] = true;
      }
      map.add(Outputs.toDoubles(logits[i]), t);
    }
    return map.toMap();
  }
}
