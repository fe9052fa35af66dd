package org.fga.core.evaluate;

import java.util.List;
import java.util.Map;
import org.fga.core.data.Box;
import org.fga.core.metric.MetricConfig;

/**
 * Implemented by a metric that turns attention maps into boxes (WSOL), so that the evaluator can
 * draw the boxes the metric scored without knowing how it extracts them: the metric reads its own
 * choice (for example the threshold picked on the held-out split) back from the result it reported.
 */
public interface BoxPredictor {
  /**
   * @param map one score map at image resolution, H×W, as the metric received it
   * @param config the options the metric was computed with (its threshold step, box mode, ...)
   * @param result what this metric reported for the split the map comes from
   * @return the predicted boxes in image pixels, possibly empty
   */
  List<Box> predictedBoxes(float[][] map, MetricConfig config, Map<String, Object> result);
}
