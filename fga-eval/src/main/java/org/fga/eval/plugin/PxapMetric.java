package org.fga.eval.plugin;

import java.util.Map;
import org.fga.core.metric.EvalNeeds;
import org.fga.core.metric.EvalOutputs;
import org.fga.core.metric.TypedMetric;
import org.fga.eval.wsol.PixelHistogram;
import org.fga.eval.wsol.ScoreMaps;
import org.fga.eval.wsol.ThresholdGrid;

/** {@code pxap}: pixel average precision of the attention maps against the object masks (255 ignored). */
public final class PxapMetric extends TypedMetric<PxapMetricConfig> {
  @Override
  public PxapMetricConfig defaultConfig() {
    return PxapMetricConfig.defaults();
  }

  @Override
  public String description() {
    return "PxAP: area under the pixel precision-recall curve of attention maps vs masks";
  }

  @Override
  public EvalNeeds needs() {
    return new EvalNeeds(false, false, true, false);
  }

  @Override
  protected Map<String, Object> score(EvalOutputs o, PxapMetricConfig config) {
    return histogram(o, name(), config.thresholdStep()).toMap();
  }

  static PixelHistogram histogram(EvalOutputs o, String metric, double thresholdStep) {
    return PixelHistogram.of(
        new ThresholdGrid(thresholdStep),
        ScoreMaps.of(Outputs.require(o.maps(), metric, "maps")),
        Outputs.require(o.masks(), metric, "masks"),
        null);
  }
}
