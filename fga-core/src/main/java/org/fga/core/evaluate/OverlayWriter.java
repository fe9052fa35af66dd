package org.fga.core.evaluate;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fga.core.data.Box;
import org.fga.core.metric.MetricConfig;

/**
 * Writes {@code attention/NNNN.png} for the samples kept during evaluation: the map, the
 * ground-truth boxes in green and, when a metric predicts boxes ({@link BoxPredictor}, e.g.
 * {@code wsol} at its chosen threshold), the predicted boxes in red, and the regions the method
 * chose itself in blue.
 */
final class OverlayWriter {
  private OverlayWriter() {}

  /**
   * @param samples the first samples of the reported split, as collected
   * @param maps the reported split's maps, in the same order
   * @param metrics the scored metrics with their results, to find one that predicts boxes
   */
  @SuppressWarnings("unchecked")
  static void write(List<OverlaySample> samples, float[][][] maps, List<ConfiguredMetric> metrics,
      Map<String, Object> results, Path dir) {
    BoxPredictor predictor = null;
    MetricConfig predictorConfig = null;
    Map<String, Object> result = null;
    for (ConfiguredMetric m : metrics) {
      if (m.provider() instanceof BoxPredictor bp && results.get(m.name()) instanceof Map<?, ?> r) {
        predictor = bp;
        predictorConfig = m.config();
        result = (Map<String, Object>) r;
        break;
      }
    }
    for (int i = 0; i < samples.size(); i++) {
      OverlaySample o = samples.get(i);
      float[][] map = maps[i];
      List<Box> predicted = predictor == null ? List.of() : predictor.predictedBoxes(map, predictorConfig, result);
      String name = String.format(Locale.ROOT, "%04d.png", i);
      Overlay.write(Overlay.render(o.sample().image(), map, o.sample().boxes(), predicted, o.chosen()), dir.resolve(name));
    }
  }
}
