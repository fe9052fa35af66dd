package org.fga.eval.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.fga.core.data.Box;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.Task;
import org.fga.core.metric.EvalOutputs;
import org.junit.jupiter.api.Test;

/** The threshold is chosen on the held-out split and the boxes drawn are the ones scored. */
class WsolHeldOutAndBoxesTest {
  private static final Box A = new Box(1, 1, 3, 3);
  private static final Box B = new Box(5, 6, 9, 8);

  /** A 10×10 map: blob A at 1.0, blob B at {@code b}, {@code rest} elsewhere. */
  private static float[][] map(float b, float rest) {
    float[][] m = new float[10][10];
    for (int y = 0; y < 10; y++) {
      for (int x = 0; x < 10; x++) {
        m[y][x] = inside(A, x, y) ? 1f : inside(B, x, y) ? b : rest;
      }
    }
    return m;
  }

  private static boolean inside(Box r, int x, int y) {
    return x >= r.x0() && x <= r.x1() && y >= r.y0() && y <= r.y1();
  }

  private static EvalOutputs outputs(float[][] map, Box truth, EvalOutputs heldOut) {
    DatasetInfo info = new DatasetInfo("t", Task.CLASSIFICATION, 1, List.of("a"));
    return new EvalOutputs(info, List.of("0"), new int[] {0}, null, new float[][] {{1f}}, null,
        new float[][][] {map}, List.of(List.of(truth)), null, null, heldOut, null);
  }

  @Test
  void reportsTheTestSplitAtTheThresholdChosenOnHeldOut() {
    // Test image: its object is B (0.4), localised only for τ in (0, 0.4].
    // Held-out image: its object is A; everything else at 0.5 but one pixel at 0 (so that the map
    // does not normalise to A alone): localised only for τ > 0.5.
    float[][] held = map(0.5f, 0.5f);
    held[0][9] = 0f;
    EvalOutputs heldOut = outputs(held, A, null);
    WsolMetric metric = new WsolMetric();

    Map<String, Object> maxOverTest = metric.computeWithDefaults(outputs(map(0.4f, 0f), B, null));
    assertThat(maxOverTest.get("thresholdSelection")).isEqualTo("max-over-thresholds");
    assertThat((double) maxOverTest.get("gtKnownLoc")).isEqualTo(1.0);

    Map<String, Object> chosen = metric.computeWithDefaults(outputs(map(0.4f, 0f), B, heldOut));
    assertThat(chosen.get("thresholdSelection")).isEqualTo("held-out");
    assertThat((double) chosen.get("bestThreshold")).isEqualTo(0.51, org.assertj.core.api.Assertions.within(1e-9));
    assertThat((double) chosen.get("gtKnownLoc")).isEqualTo(0.0);
    assertThat((double) chosen.get("maxBoxAccV2")).isEqualTo(0.0);
  }

  @Test
  void predictedBoxesAreTheComponentsAtTheReportedThreshold() {
    WsolMetric metric = new WsolMetric();
    float[][] m = map(0.6f, 0f);
    assertThat(metric.predictedBoxes(m, WsolMetricConfig.defaults(), Map.of("bestThreshold", 0.5, "boxes", "all-components")))
        .containsExactly(B, A); // largest first
    assertThat(metric.predictedBoxes(m, WsolMetricConfig.defaults(), Map.of("bestThreshold", 0.5, "boxes", "largest-component")))
        .containsExactly(B);
    assertThat(metric.predictedBoxes(m, WsolMetricConfig.defaults(), Map.of("bestThreshold", 0.7, "boxes", "all-components")))
        .containsExactly(A);
    assertThat(metric.predictedBoxes(m, WsolMetricConfig.defaults(), Map.of("bestThreshold", 0.0, "boxes", "all-components")))
        .containsExactly(new Box(0, 0, 9, 9));
    assertThat(metric.predictedBoxes(m, WsolMetricConfig.defaults(), Map.of())).isEmpty();
  }

  @Test
  void predictedBoxesAgreeWithTheScoreAtThatThreshold() {
    // The map that scored 1.0 at τ = 0.01 must give a box matching its ground truth there.
    WsolMetric metric = new WsolMetric();
    float[][] m = map(0.4f, 0f);
    Map<String, Object> r = metric.computeWithDefaults(outputs(m, B, null));
    List<Box> boxes = metric.predictedBoxes(m, WsolMetricConfig.defaults(), r);
    assertThat(boxes).anyMatch(b -> b.iou(B) >= 0.5);
  }
}
