package org.fga.eval.plugin;

import java.util.List;
import java.util.Map;
import org.fga.core.data.Box;
import org.fga.core.evaluate.BoxPredictor;
import org.fga.core.metric.EvalNeeds;
import org.fga.core.metric.EvalOutputs;
import org.fga.core.metric.MetricProvider;
import org.fga.eval.wsol.ScoreMaps;
import org.fga.eval.wsol.WsolCounts;
import org.fga.eval.wsol.WsolEvaluator;

/**
 * {@code wsol}: MaxBoxAcc at IoU 30/50/70 and MaxBoxAccV2 (all components), GT-known Loc, top-1 Loc
 * (when logits are there), step 0.01. With a held-out split the threshold is chosen on it and the
 * test split is reported at that threshold; otherwise the max over thresholds is reported. The
 * output says which ({@code thresholdSelection}).
 */
public final class WsolMetric implements MetricProvider, BoxPredictor {
  private static final int[] IOUS = {30, 50, 70};
  private final WsolEvaluator evaluator = WsolEvaluator.builder().optIouPercents(IOUS).build();

  @Override
  public String name() {
    return "wsol";
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
  public Map<String, Object> compute(EvalOutputs o) {
    WsolEvaluator ev = evaluator;
    WsolCounts test = counts(ev, o);
    EvalOutputs h = o.heldOut();
    WsolCounts held = h != null && h.maps() != null && h.boxes() != null ? counts(ev, h) : null;
    return WsolEvaluator.report(test, held, false, IOUS);
  }

  private WsolCounts counts(WsolEvaluator ev, EvalOutputs o) {
    return ev.evaluate(
        ScoreMaps.of(Outputs.require(o.maps(), name(), "maps")),
        Outputs.require(o.boxes(), name(), "boxes"),
        Outputs.top1Right(o));
  }

  /** The boxes scored at the reported threshold (chosen on the held-out split when there is one). */
  @Override
  public List<Box> predictedBoxes(float[][] map, Map<String, Object> result) {
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
    return evaluator.boxesAt(flat, h, w, tau.doubleValue(), "largest-component".equals(result.get("boxes")));
  }
}
