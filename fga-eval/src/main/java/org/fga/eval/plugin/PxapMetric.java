package org.fga.eval.plugin;

import java.util.Map;
import org.fga.core.metric.EvalNeeds;
import org.fga.core.metric.EvalOutputs;
import org.fga.core.metric.MetricProvider;
import org.fga.eval.wsol.PixelHistogram;
import org.fga.eval.wsol.ScoreMaps;
import org.fga.eval.wsol.ThresholdGrid;

/** {@code pxap}: pixel average precision of the attention maps against the object masks (255 ignored). */
public final class PxapMetric implements MetricProvider {
  static final double STEP = 0.01;

  @Override
  public String name() {
    return "pxap";
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
  public Map<String, Object> compute(EvalOutputs o) {
    return histogram(o, name()).toMap();
  }

  static PixelHistogram histogram(EvalOutputs o, String metric) {
    return PixelHistogram.of(
        new ThresholdGrid(STEP),
        ScoreMaps.of(Outputs.require(o.maps(), metric, "maps")),
        Outputs.require(o.masks(), metric, "masks"),
        null);
  }
}
