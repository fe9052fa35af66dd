package org.fga.eval.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.fga.core.data.Box;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.Task;
import org.fga.core.metric.EvalOutputs;
import org.junit.jupiter.api.Test;

/** The protocol's maxima, the held-out threshold's numbers apart, and the boxes drawn are the ones scored. */
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
  void reportsTheMaximaOnTheTestSplitAndTheTestSplitAtTheHeldOutThresholdApart() {
    // Test image: its object is B (0.4 → 8-bit 102), localised while int(τ·255) < 102.
    // Held-out image: its object is A; everything else at 0.5 (8-bit 127) but one pixel at 0:
    // localised once int(τ·255) ≥ 127, i.e. from τ = 0.50.
    float[][] held = map(0.5f, 0.5f);
    held[0][9] = 0f;
    EvalOutputs heldOut = outputs(held, A, null);
    WsolMetric metric = new WsolMetric();

    Map<String, Object> alone = metric.computeWithDefaults(outputs(map(0.4f, 0f), B, null));
    assertThat((double) alone.get("gtKnownLoc")).isEqualTo(1.0);
    assertThat(alone).doesNotContainKey("atHeldOutThreshold");

    Map<String, Object> withHeldOut = metric.computeWithDefaults(outputs(map(0.4f, 0f), B, heldOut));
    assertThat(withHeldOut).containsAllEntriesOf(alone); // the protocol's numbers ignore the held-out split
    @SuppressWarnings("unchecked")
    Map<String, Object> at = (Map<String, Object>) withHeldOut.get("atHeldOutThreshold");
    assertThat((double) at.get("threshold")).isEqualTo(0.5, org.assertj.core.api.Assertions.within(1e-12));
    assertThat((double) at.get("gtKnownBoxAcc")).isEqualTo(0.0);
    // δ = 70 is never met on the held-out image, so its first τ (0) is taken, where B's box
    // [5,6,9,9] meets 70 on the test image: (0 + 0 + 1) / 3
    assertThat((double) at.get("boxAccV2")).isEqualTo(1.0 / 3, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void predictedBoxesAreTheContoursAtTheReportedThreshold() {
    WsolMetric metric = new WsolMetric();
    float[][] m = map(0.6f, 0f);
    // boundingRect's x + w, y + h: one pixel past each blob, clipped to the 10×10 map
    Box a = new Box(1, 1, 4, 4);
    Box b = new Box(5, 6, 9, 9);
    assertThat(metric.predictedBoxes(m, WsolMetricConfig.defaults(), Map.of("bestThreshold", 0.5, "boxes", "all-contours")))
        .containsExactlyInAnyOrder(a, b);
    assertThat(metric.predictedBoxes(m, WsolMetricConfig.defaults(), Map.of("bestThreshold", 0.5, "boxes", "largest-contour")))
        .containsExactly(b);
    assertThat(metric.predictedBoxes(m, WsolMetricConfig.defaults(), Map.of("bestThreshold", 0.7, "boxes", "all-contours")))
        .containsExactly(a);
    // at τ = 0 the mask is the pixels above 8-bit level 0: the background (0) is not in it
    assertThat(metric.predictedBoxes(m, WsolMetricConfig.defaults(), Map.of("bestThreshold", 0.0, "boxes", "all-contours")))
        .containsExactlyInAnyOrder(a, b);
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
