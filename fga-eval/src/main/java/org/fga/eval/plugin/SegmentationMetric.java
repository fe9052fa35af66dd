package org.fga.eval.plugin;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fga.core.metric.EvalNeeds;
import org.fga.core.metric.EvalOutputs;
import org.fga.core.metric.TypedMetric;
import org.fga.eval.wsol.PixelHistogram;

/**
 * {@code segmentation}: foreground/background segmentation from the attention maps. The evaluator
 * collects the ground-truth class's map and the object mask per image (there are no per-pixel class
 * predictions in {@code EvalOutputs}), so the prediction is "normalised map ≥ τ" as foreground
 * (class 1) against the mask (non-zero = 1, 255 ignored), scored with one confusion matrix over all
 * pixels. τ (step {@code thresholdStep}, default 0.01) is chosen by mIoU on the held-out split when there is one, else the best τ
 * on this split is reported.
 */
public final class SegmentationMetric extends TypedMetric<SegmentationMetricConfig> {
  @Override
  public SegmentationMetricConfig defaultConfig() {
    return SegmentationMetricConfig.defaults();
  }

  @Override
  public String description() {
    return "foreground/background mIoU of thresholded attention maps vs masks";
  }

  @Override
  public EvalNeeds needs() {
    return new EvalNeeds(false, false, true, true);
  }

  @Override
  protected Map<String, Object> score(EvalOutputs o, SegmentationMetricConfig config) {
    PixelHistogram test = PxapMetric.histogram(o, name(), config.thresholdStep());
    EvalOutputs h = o.heldOut();
    PixelHistogram select = h != null && h.maps() != null && h.masks() != null ? PxapMetric.histogram(h, name(), config.thresholdStep()) : test;
    int best = 0;
    double bestIou = -1;
    for (int k = 0; k < select.grid().size(); k++) {
      double m = select.binaryConfusion(k).meanIou();
      if (m > bestIou) {
        bestIou = m;
        best = k;
      }
    }
    Map<String, Object> out = new LinkedHashMap<>(test.binaryConfusion(best).toMap());
    out.put("bestThreshold", test.grid().tau(best));
    out.put("thresholdSelection", select == test ? "max-over-thresholds" : "held-out");
    return out;
  }
}
