package org.fga.eval.wsol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fga.core.data.Box;
import org.fga.core.error.FgaUserException;
import org.fga.eval.Fixtures;
import org.fga.eval.io.BoxesJson;
import org.fga.eval.io.NdArray;
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
  void boxOnTheImageBorderAndConstantMap() {
    // A: a 3x2 block in the top-left corner, GT exactly that block (inclusive [0,0,2,1]).
    //    τ=0: the whole image, IoU 6/48, wrong; τ=0.5: the block, IoU 1, right.
    // B: a constant map normalises to zeros: the whole image at τ=0 (GT = whole image: right),
    //    empty above (no box: wrong).
    double[] a = map(6, 8, new double[] {0, 0, 2, 1, 1.0});
    double[] b = new double[48];
    java.util.Arrays.fill(b, 3.0);
    Map<String, Object> both =
        run(0.5, List.of(a, b), 6, 8, List.of(new Box(0, 0, 2, 1), new Box(0, 0, 7, 5)), false);
    assertThat(maxBoxAcc(both, "50")).isEqualTo(0.5);
    assertThat((double) both.get("bestThreshold")).isEqualTo(0.0); // first of the tied maxima
    Map<String, Object> onlyA = run(0.5, List.of(a), 6, 8, List.of(new Box(0, 0, 2, 1)), false);
    assertThat(maxBoxAcc(onlyA, "70")).isEqualTo(1.0);
    assertThat((double) onlyA.get("bestThreshold")).isEqualTo(0.5);
    assertThat(onlyA).doesNotContainKey("top1Loc");
  }

  @Test
  void largestComponentVersusAllComponents() {
    // a small bright blob on the GT and a large dimmer blob elsewhere
    double[] m = map(10, 10, new double[] {0, 0, 1, 1, 1.0}, new double[] {5, 5, 9, 9, 0.9});
    List<Box> gt = List.of(new Box(0, 0, 1, 1));
    Map<String, Object> all = run(0.5, List.of(m), 10, 10, gt, false);
    Map<String, Object> largest = run(0.5, List.of(m), 10, 10, gt, true);
    assertThat(maxBoxAcc(all, "70")).isEqualTo(1.0);
    assertThat((double) all.get("maxBoxAccV2")).isEqualTo(1.0);
    assertThat(maxBoxAcc(largest, "30")).isEqualTo(0.0); // the large blob wins at τ=0.5
    assertThat((double) largest.get("maxBoxAccV2")).isEqualTo(1.0); // V2 always uses all components
    assertThat(largest.get("boxes")).isEqualTo("largest-component");
    // with τ = 0.95 available, the bright blob is alone in the mask
    assertThat(maxBoxAcc(run(0.95, List.of(m), 10, 10, gt, true), "70")).isEqualTo(1.0);
  }

  @Test
  void equalSizedComponentsTieToTheFirstInRasterOrder() {
    double[] m = map(8, 8, new double[] {6, 0, 7, 1, 1.0}, new double[] {0, 6, 1, 7, 1.0});
    assertThat(maxBoxAcc(run(0.5, List.of(m), 8, 8, List.of(new Box(6, 0, 7, 1)), true), "50")).isEqualTo(1.0);
    assertThat(maxBoxAcc(run(0.5, List.of(m), 8, 8, List.of(new Box(0, 6, 1, 7)), true), "50")).isEqualTo(0.0);
    assertThat(maxBoxAcc(run(0.5, List.of(m), 8, 8, List.of(new Box(0, 6, 1, 7)), false), "50")).isEqualTo(1.0);
  }

  @Test
  void diagonalNeighboursAreOneComponent() {
    double[] m = map(4, 4, new double[] {0, 0, 0, 0, 1.0}, new double[] {1, 1, 1, 1, 1.0});
    // 8-connected: one box [0,0,1,1]; with 4-connectivity the two 1-pixel boxes would have IoU 1/4
    assertThat(maxBoxAcc(run(0.5, List.of(m), 4, 4, List.of(new Box(0, 0, 1, 1)), true), "70")).isEqualTo(1.0);
  }

  @Test
  void thresholdComparisonIsGreaterOrEqual() {
    // values normalise to exactly 0, 0.5 and 1; with step 0.5 the 0.5 pixel is in the mask at τ=0.5
    double[] m = {0, 1, 2, 0};
    WsolCounts c =
        WsolEvaluator.builder().optStep(0.5).build()
            .evaluate(ScoreMaps.of(List.of(m), 1, 4), List.of(List.of(new Box(1, 0, 2, 0))), null);
    assertThat(c.accuracy(WsolCounts.ALL, 1, 1)).isEqualTo(1.0);
  }

  @Test
  void heldOutChoosesTheThresholdAndTop1NeedsTheClass() {
    double[] a = map(6, 8, new double[] {0, 0, 2, 1, 1.0});
    List<List<Box>> gt = List.of(List.of(new Box(0, 0, 7, 5)));
    WsolEvaluator ev = WsolEvaluator.builder().optStep(0.5).build();
    // test: right only at τ=0 (whole-image GT); held-out: right only at τ=0.5
    WsolCounts test = ev.evaluate(ScoreMaps.of(List.of(a), 6, 8), gt, new boolean[] {false});
    WsolCounts held = ev.evaluate(ScoreMaps.of(List.of(a), 6, 8), List.of(List.of(new Box(0, 0, 2, 1))), null);
    Map<String, Object> r = WsolEvaluator.report(test, held, false, IOUS);
    assertThat((double) r.get("bestThreshold")).isEqualTo(0.5);
    assertThat((double) r.get("gtKnownLoc")).isEqualTo(0.0);
    assertThat(r.get("thresholdSelection")).isEqualTo("held-out");
    Map<String, Object> own = WsolEvaluator.report(test, null, false, IOUS);
    assertThat((double) own.get("gtKnownLoc")).isEqualTo(1.0);
    assertThat((double) own.get("top1Loc")).isEqualTo(0.0); // localised, but the class is wrong
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

  @Test
  void agreesWithThresholdByThresholdLabellingOnRandomMaps() {
    NdArray maps = Fixtures.npy("wsol_maps");
    List<List<Box>> boxes = BoxesJson.read(Fixtures.path("wsol_boxes.json"));
    NdArray scores = Fixtures.npy("wsol_scores");
    int[] labels = Fixtures.npy("wsol_labels").toInts();
    boolean[] right = new boolean[labels.length];
    for (int i = 0; i < labels.length; i++) {
      right[i] = org.fga.eval.classification.Accuracy.argmax(scores.row(i)) == labels[i];
    }
    JsonNode exp = Fixtures.json("wsol_expected");
    for (String step : new String[] {"0.01", "0.05"}) {
      WsolCounts c =
          WsolEvaluator.builder().optStep(Double.parseDouble(step)).build().evaluate(ScoreMaps.of(maps), boxes, right);
      JsonNode e = exp.get(step);
      for (boolean largest : new boolean[] {true, false}) {
        JsonNode em = e.get(largest ? "largest" : "all");
        Map<String, Object> r = WsolEvaluator.report(c, null, largest, IOUS);
        for (int iou : IOUS) {
          assertThat(maxBoxAcc(r, "" + iou)).as("%s %s %d", step, largest, iou)
              .isCloseTo(em.get("maxBoxAcc").get("" + iou).asDouble(), within(1e-9));
        }
        assertThat((double) r.get("gtKnownLoc")).isCloseTo(em.get("gtKnownLoc").asDouble(), within(1e-9));
        assertThat((double) r.get("top1Loc")).isCloseTo(em.get("top1Loc").asDouble(), within(1e-9));
        assertThat((double) r.get("bestThreshold")).isEqualTo(em.get("bestThreshold").asDouble());
        assertThat((double) r.get("maxBoxAccV2")).isCloseTo(e.get("maxBoxAccV2").asDouble(), within(1e-9));
        JsonNode curve = em.get("curve50");
        int mode = largest ? WsolCounts.LARGEST : WsolCounts.ALL;
        for (int k = 0; k < curve.size(); k++) {
          assertThat(c.accuracy(mode, 1, k)).as("curve %s at k=%d", step, k).isCloseTo(curve.get(k).asDouble(), within(1e-9));
        }
      }
    }
  }
}
