package org.fga.eval.plugin;

import java.util.List;
import java.util.Map;
import org.fga.core.data.Box;
import org.fga.core.evaluate.BoxPredictor;
import org.fga.core.metric.EvalNeeds;
import org.fga.core.metric.EvalOutputs;
import org.fga.core.metric.MetricConfig;
import org.fga.core.metric.TypedMetric;
import org.fga.eval.wsol.ScoreMaps;
import org.fga.eval.wsol.WsolCounts;
import org.fga.eval.wsol.WsolEvaluator;

/**
 * {@code wsol}: wsolevaluation's BoxEvaluator — MaxBoxAcc at the configured IoU thresholds (default
 * 30/50/70), MaxBoxAccV2 (multi-contour), GT-known Loc, top-1 Loc (when logits are there), each the
 * maximum over τ on the evaluated split, threshold step 0.01 by default ({@link WsolMetricConfig}).
 * With a held-out split, the evaluated split's accuracies at the τ chosen there are added under
 * {@code atHeldOutThreshold}, never under the protocol's names.
 */
public final class WsolMetric extends TypedMetric<WsolMetricConfig> implements BoxPredictor {
  @Override
  public WsolMetricConfig defaultConfig() {
    return WsolMetricConfig.defaults();
  }

  @Override
  public String description() {
    return "WSOL MaxBoxAcc(V2), GT-known and top-1 Loc from attention maps";
  }

  @Override
  public EvalNeeds needs() {
    return new EvalNeeds(true, false, true, true);
  }

  @Override
  protected Map<String, Object> score(EvalOutputs o, WsolMetricConfig config) {
    WsolEvaluator ev = evaluator(config);
    WsolCounts test = counts(ev, o);
    EvalOutputs h = o.heldOut();
    WsolCounts held = h != null && h.maps() != null && h.boxes() != null ? counts(ev, h) : null;
    Map<String, Object> out = WsolEvaluator.report(test, held, config.largestComponentOnly(), config.iouPercents());
    if (config.fixedThreshold() != null) {
      out.put("atFixedThreshold",
          WsolEvaluator.atThreshold(test, config.fixedThreshold(), config.largestComponentOnly(), config.iouPercents()));
    }
    return out;
  }

  private static WsolEvaluator evaluator(WsolMetricConfig config) {
    return WsolEvaluator.builder().optStep(config.thresholdStep()).optIouPercents(config.iouPercents()).build();
  }

  private WsolCounts counts(WsolEvaluator ev, EvalOutputs o) {
    return ev.evaluate(
        ScoreMaps.of(Outputs.require(o.maps(), name(), "maps")),
        Outputs.require(o.boxes(), name(), "boxes"),
        Outputs.top1Right(o));
  }

  /**
   * The boxes scored at the reported threshold ({@code bestThreshold}, gtKnownLoc's τ on the
   * evaluated split), with {@code config}, which must be the config the result was computed with.
   */
  @Override
  public List<Box> predictedBoxes(float[][] map, MetricConfig config, Map<String, Object> result) {
    if (!(result.get("bestThreshold") instanceof Number tau)) {
      return List.of();
    }
    int h = map.length;
    int w = map[0].length;
    double[] flat = new double[h * w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        flat[y * w + x] = map[y][x];
      }
    }
    return evaluator((WsolMetricConfig) config)
        .boxesAt(flat, h, w, tau.doubleValue(), "largest-contour".equals(result.get("boxes")));
  }
}
