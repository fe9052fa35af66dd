package org.fga.eval.plugin;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import org.fga.core.metric.MetricConfig;
import org.fga.core.error.InvalidOptionException;

/**
 * Options of {@code wsol}. The defaults are the protocol of Choe et al., "Evaluating Weakly
 * Supervised Object Localization Methods Right" (CVPR 2020).
 *
 * @param iouThresholds the IoU thresholds δ (percent) of MaxBoxAcc, averaged in MaxBoxAccV2
 *     (default 30, 50, 70); δ = 50 is always swept since GT-known Loc uses it
 * @param thresholdStep spacing of the map thresholds τ (default 0.01)
 * @param largestComponentOnly score only the largest connected component's box (the original
 *     MaxBoxAcc, "V1") instead of every component (default false)
 * @param fixedThreshold also report the accuracies at this one τ (on the grid) under {@code
 *     atFixedThreshold}: the MoANA code (RFGA) reports top-1 Loc at τ = 0.04 (index 4 of its
 *     0.01 grid). Default none; never under the protocol's names.
 */
@JsonTypeName("wsol")
public record WsolMetricConfig(
    List<Integer> iouThresholds, Double thresholdStep, Boolean largestComponentOnly, Double fixedThreshold)
    implements MetricConfig {
  /** {@link org.fga.eval.wsol.WsolEvaluator} sweeps at most this many δ (one bit each), 50 included. */
  private static final int MAX_IOU_THRESHOLDS = 15;

  public WsolMetricConfig {
    iouThresholds =
        OptionChecks.distinctInts("iouThresholds", iouThresholds == null ? List.of(30, 50, 70) : iouThresholds, 1, 100);
    int swept = iouThresholds.size() + (iouThresholds.contains(50) ? 0 : 1);
    if (swept > MAX_IOU_THRESHOLDS) {
      throw new InvalidOptionException(
          "iouThresholds", "must list at most " + MAX_IOU_THRESHOLDS + " values counting 50 (always swept), got "
              + swept);
    }
    thresholdStep = OptionChecks.thresholdStep("thresholdStep", thresholdStep == null ? 0.01 : thresholdStep);
    largestComponentOnly = largestComponentOnly != null && largestComponentOnly;
    if (fixedThreshold != null && !(fixedThreshold >= 0 && fixedThreshold < 1)) {
      throw new InvalidOptionException(
          "fixedThreshold", "must be in [0, 1), got " + InvalidOptionException.show(fixedThreshold));
    }
  }

  public static WsolMetricConfig defaults() {
    return new WsolMetricConfig(null, null, null, null);
  }

  int[] iouPercents() {
    return iouThresholds.stream().mapToInt(Integer::intValue).toArray();
  }
}
