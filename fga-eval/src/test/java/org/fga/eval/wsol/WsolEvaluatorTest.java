package org.fga.eval.wsol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fga.core.data.Box;
import org.fga.core.error.FgaUserException;
import org.junit.jupiter.api.Test;

class WsolEvaluatorTest {
  private static final int[] IOUS = {30, 50, 70};

  /** A map of h×w zeros with the given value in the inclusive rectangle. */
  private static double[] map(int h, int w, double[]... rects) {
    double[] m = new double[h * w];
    for (double[] r : rects) {
      for (int y = (int) r[1]; y <= (int) r[3]; y++) {
        for (int x = (int) r[0]; x <= (int) r[2]; x++) {
          m[y * w + x] = r[4];
        }
      }
    }
    return m;
  }

  private static Map<String, Object> run(double step, List<double[]> maps, int h, int w, List<Box> boxes, boolean largest) {
    List<List<Box>> gt = new ArrayList<>();
    for (Box b : boxes) {
      gt.add(List.of(b));
    }
    WsolCounts c = WsolEvaluator.builder().optStep(step).build().evaluate(ScoreMaps.of(maps, h, w), gt, null);
    return WsolEvaluator.report(c, null, largest, IOUS);
  }

  @SuppressWarnings("unchecked")
  private static double maxBoxAcc(Map<String, Object> m, String iou) {
    return ((Map<String, Double>) m.get("maxBoxAcc")).get(iou);
  }

  @Test
  void boxesAreOnePixelPastTheContourAndAnEmptyMaskIsTheOriginBox() {
    // A: a 3x2 block in the top-left corner. boundingRect gives x + w = 3, y + h = 2: the protocol
    //    box is [0,0,3,2], so the block's own inclusive box [0,0,2,1] has IoU 6/12 = 0.5.
    // B: a constant map normalises to zeros: no pixel is above any level, no contour, and the
    //    protocol scores the box [0,0,0,0] (a one-pixel box at the origin).
    double[] a = map(6, 8, new double[] {0, 0, 2, 1, 1.0});
    double[] b = new double[48];
    java.util.Arrays.fill(b, 3.0);
    Map<String, Object> blockOnly = run(0.5, List.of(a), 6, 8, List.of(new Box(0, 0, 2, 1)), false);
    assertThat(maxBoxAcc(blockOnly, "50")).isEqualTo(1.0);
    assertThat(maxBoxAcc(blockOnly, "70")).isEqualTo(0.0);
    assertThat(maxBoxAcc(run(0.5, List.of(a), 6, 8, List.of(new Box(0, 0, 3, 2)), false), "70")).isEqualTo(1.0);
    assertThat(blockOnly).doesNotContainKey("top1Loc");
    Map<String, Object> constant =
        run(0.5, List.of(b, b.clone()), 6, 8, List.of(new Box(0, 0, 0, 0), new Box(0, 0, 7, 5)), false);
    assertThat(maxBoxAcc(constant, "70")).isEqualTo(0.5); // the origin GT box is hit, the whole image is not
    assertThat(WsolEvaluator.builder().build().boxesAt(b, 6, 8, 0.0, false)).containsExactly(new Box(0, 0, 0, 0));
  }

  @Test
  void boxesOnTheBorderAreClippedToTheImage() {
    // a block in the bottom-right corner: x + w = 8 and y + h = 6 are clipped to 7 and 5
    double[] m = map(6, 8, new double[] {5, 3, 7, 5, 1.0});
    assertThat(WsolEvaluator.builder().build().boxesAt(m, 6, 8, 0.5, true)).containsExactly(new Box(5, 3, 7, 5));
  }

  @Test
  void theLargestContourIsByPolygonAreaNotPixelCount() {
    // a 6-pixel line (polygon area 0) and a 2x2 square (area 1, 4 pixels), equally bright
    double[] m = map(10, 10, new double[] {0, 0, 5, 0, 1.0}, new double[] {6, 6, 7, 7, 1.0});
    List<Box> square = List.of(new Box(6, 6, 8, 8));
    assertThat(maxBoxAcc(run(0.5, List.of(m), 10, 10, square, true), "70")).isEqualTo(1.0);
  }

  @Test
  void equalAreasTieToTheContourFoundLast() {
    // findContours lists top-level contours in reverse raster order and max() keeps the first
    double[] m = map(8, 8, new double[] {6, 0, 7, 1, 1.0}, new double[] {0, 6, 1, 7, 1.0});
    assertThat(maxBoxAcc(run(0.5, List.of(m), 8, 8, List.of(new Box(0, 6, 2, 7)), true), "50")).isEqualTo(1.0);
    assertThat(maxBoxAcc(run(0.5, List.of(m), 8, 8, List.of(new Box(6, 0, 7, 2)), true), "50")).isEqualTo(0.0);
    assertThat(maxBoxAcc(run(0.5, List.of(m), 8, 8, List.of(new Box(6, 0, 7, 2)), false), "50")).isEqualTo(1.0);
  }

  @Test
  void diagonalNeighboursAreOneContour() {
    double[] m = map(4, 4, new double[] {0, 0, 0, 0, 1.0}, new double[] {1, 1, 1, 1, 1.0});
    // 8-connected: one box [0,0,2,2]; as two contours the later one, [1,1,2,2], has IoU 4/9
    assertThat(maxBoxAcc(run(0.5, List.of(m), 4, 4, List.of(new Box(0, 0, 2, 2)), true), "70")).isEqualTo(1.0);
  }

  @Test
  void holesAreContoursInMultiContourMode() {
    // a 12x12 square with a 3x3 hole: the hole's contour runs through the pixels around it, its
    // box is [3,3,8,8]; only the multi-contour mode sees it
    double[] m = new double[144];
    java.util.Arrays.fill(m, 1.0);
    for (int y = 4; y <= 6; y++) {
      for (int x = 4; x <= 6; x++) {
        m[y * 12 + x] = 0;
      }
    }
    List<Box> hole = List.of(new Box(3, 3, 8, 8));
    assertThat(maxBoxAcc(run(0.5, List.of(m), 12, 12, hole, false), "70")).isEqualTo(1.0);
    assertThat(maxBoxAcc(run(0.5, List.of(m), 12, 12, hole, true), "30")).isEqualTo(0.0);
    assertThat(WsolEvaluator.builder().build().boxesAt(m, 12, 12, 0.5, false))
        .containsExactlyInAnyOrder(new Box(0, 0, 11, 11), new Box(3, 3, 8, 8));
  }

  @Test
  void theMaskIsStrictlyAboveTheEightBitLevel() {
    // values normalise to 0, 0.5, 1 → 8-bit 0, 127, 255; at τ = 0.5 the level is int(0.5·255) = 127,
    // and 127 is not above it: only the brightest pixel is in the mask (box [2,0,3,0])
    double[] m = {0, 1, 2, 0};
    WsolEvaluator ev = WsolEvaluator.builder().optStep(0.5).build();
    WsolCounts bright = ev.evaluate(ScoreMaps.of(List.of(m), 1, 4), List.of(List.of(new Box(2, 0, 3, 0))), null);
    assertThat(bright.accuracy(WsolCounts.ALL, 1, 1)).isEqualTo(1.0);
    WsolCounts both = ev.evaluate(ScoreMaps.of(List.of(m), 1, 4), List.of(List.of(new Box(1, 0, 2, 0))), null);
    assertThat(both.accuracy(WsolCounts.ALL, 1, 1)).isEqualTo(0.0);
    assertThat(both.accuracy(WsolCounts.ALL, 1, 0)).isEqualTo(1.0);
  }

  @Test
  void theProtocolsNumbersAreMaximaOnTheEvaluatedSplitAndTheHeldOutThresholdHasItsOwnKeys() {
    // block [0,0,2,1] at 1, background 0.4, one pixel 0: at τ = 0 the box is the whole image, at
    // τ = 0.5 the block's box [0,0,3,2]
    double[] a = map(6, 8, new double[] {0, 0, 7, 5, 0.4}, new double[] {0, 0, 2, 1, 1.0}, new double[] {7, 5, 7, 5, 0});
    WsolEvaluator ev = WsolEvaluator.builder().optStep(0.5).build();
    WsolCounts test = ev.evaluate(ScoreMaps.of(List.of(a), 6, 8), List.of(List.of(new Box(0, 0, 7, 5))), new boolean[] {false});
    WsolCounts held = ev.evaluate(ScoreMaps.of(List.of(a), 6, 8), List.of(List.of(new Box(0, 0, 3, 2))), null);
    Map<String, Object> r = WsolEvaluator.report(test, held, false, IOUS);
    assertThat((double) r.get("gtKnownLoc")).isEqualTo(1.0);
    assertThat((double) r.get("bestThreshold")).isEqualTo(0.0);
    assertThat((double) r.get("top1Loc")).isEqualTo(0.0); // localised, but the class is wrong
    @SuppressWarnings("unchecked")
    Map<String, Object> at = (Map<String, Object>) r.get("atHeldOutThreshold");
    assertThat((double) at.get("threshold")).isEqualTo(0.5);
    assertThat((double) at.get("gtKnownBoxAcc")).isEqualTo(0.0);
    assertThat((double) at.get("boxAccV2")).isEqualTo(0.0);
    assertThat(at).doesNotContainKeys("maxBoxAcc", "maxBoxAccV2", "gtKnownLoc", "top1Loc");
    assertThat(at.get("heldOutImages")).isEqualTo(1L);
    assertThat(WsolEvaluator.report(test, null, false, IOUS)).doesNotContainKey("atHeldOutThreshold");
    // a fixed τ (MoANA's top-1 Loc at 0.04) reads the counts at that grid point, under its own keys
    Map<String, Object> fixed = WsolEvaluator.atThreshold(test, 0.5, false, IOUS);
    assertThat((double) fixed.get("threshold")).isEqualTo(0.5);
    assertThat((double) fixed.get("gtKnownBoxAcc")).isEqualTo(0.0);
    assertThat((double) WsolEvaluator.atThreshold(test, 0.2, false, IOUS).get("gtKnownBoxAcc")).isEqualTo(1.0);
    assertThat((double) WsolEvaluator.atThreshold(test, 0.2, false, IOUS).get("threshold")).isEqualTo(0.0);
    assertThat(fixed).doesNotContainKeys("maxBoxAcc", "maxBoxAccV2", "gtKnownLoc", "top1Loc");
  }

  @Test
  void groundTruthBoxesAreScaledAndTruncated() {
    // wsolevaluation's resize_bbox: int(v · 224 / size), so 499 of 500 px → int(223.55) = 223
    assertThat(GtBoxScaling.scale(new Box(1, 2, 499, 374), 500, 375, 224, 224)).isEqualTo(new Box(0, 1, 223, 223));
    assertThat(GtBoxScaling.scale(new Box(10, 10, 20, 20), 32, 32, 64, 64)).isEqualTo(new Box(20, 20, 40, 40));
  }

  @Test
  void accumulatingOneImageAtATimeEqualsTheBatch() {
    double[] a = map(6, 8, new double[] {0, 0, 2, 1, 1.0});
    double[] b = map(6, 8, new double[] {4, 2, 7, 5, 2.0}, new double[] {0, 0, 1, 1, 1.0});
    List<Box> ga = List.of(new Box(0, 0, 2, 1));
    List<Box> gb = List.of(new Box(0, 0, 1, 1), new Box(4, 2, 7, 5));
    WsolEvaluator ev = WsolEvaluator.builder().optStep(0.1).build();
    WsolCounts batch = ev.evaluate(ScoreMaps.of(List.of(a.clone(), b.clone()), 6, 8), List.of(ga, gb), new boolean[] {true, false});
    WsolCounts one = ev.newCounts();
    ev.accumulate(one, a.clone(), 6, 8, ga, true);
    ev.accumulate(one, b.clone(), 6, 8, gb, false);
    assertThat(WsolEvaluator.report(one, null, true, IOUS)).isEqualTo(WsolEvaluator.report(batch, null, true, IOUS));
    assertThat(WsolEvaluator.report(one, null, false, IOUS)).isEqualTo(WsolEvaluator.report(batch, null, false, IOUS));
  }

  @Test
  void nanMapsAndMissingBoxesAreUserErrors() {
    WsolEvaluator ev = WsolEvaluator.builder().build();
    assertThatThrownBy(() -> ev.evaluate(ScoreMaps.of(List.of(new double[] {0, Double.NaN}), 1, 2), List.of(List.of(new Box(0, 0, 0, 0))), null))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> ev.evaluate(ScoreMaps.of(List.of(new double[] {0, 1}), 1, 2), List.of(), null))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("(1,)")
        .hasMessageContaining("(0,)");
  }
}
