package org.fga.eval.wsol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fga.core.data.Box;
import org.fga.eval.Fixtures;
import org.fga.core.io.NdArray;
import org.junit.jupiter.api.Test;

/**
 * Agreement with wsolevaluation's own {@code evaluation.py} (BoxEvaluator, largest-contour and
 * multi-contour): the expected numbers were computed by running it
 * ({@code src/test/python/make_wsol_golden.py}) on the committed maps and boxes — blobs, a ring
 * with a peak in its hole, constant maps, boxes on the border, equal-area contours, a line against
 * a square, a checkerboard, noise — with original image sizes other than the map's.
 */
class WsolGoldenTest {
  private static final JsonNode EXPECTED = Fixtures.json("wsol_golden_expected");
  private static final NdArray MAPS = Fixtures.npy("wsol_golden_maps");

  private static int side() {
    return EXPECTED.get("side").asInt();
  }

  private static double[] map(int i) {
    int n = side() * side();
    double[] m = new double[n];
    MAPS.copyDoubles((long) i * n, m, 0, n);
    return m;
  }

  private static Box box(JsonNode b) {
    return new Box(b.get(0).asInt(), b.get(1).asInt(), b.get(2).asInt(), b.get(3).asInt());
  }

  /** The images' GT boxes, scaled from their original size to the map as the protocol does. */
  private static List<List<Box>> scaledGt() {
    List<List<Box>> out = new ArrayList<>();
    for (JsonNode img : EXPECTED.get("images")) {
      List<Box> boxes = new ArrayList<>();
      img.get("boxes").forEach(b -> boxes.add(box(b)));
      out.add(GtBoxScaling.scaleAll(boxes, img.get("size").get(0).asInt(), img.get("size").get(1).asInt(), side(), side()));
    }
    return out;
  }

  @Test
  void groundTruthBoxesAreScaledWithTruncation() {
    List<List<Box>> gt = scaledGt();
    JsonNode expected = EXPECTED.get("gtBoxes");
    for (int i = 0; i < gt.size(); i++) {
      List<Box> want = new ArrayList<>();
      expected.get(i).forEach(b -> want.add(box(b)));
      assertThat(gt.get(i)).as("image %d", i).isEqualTo(want);
    }
  }

  @Test
  void correctCountsAtEveryThresholdEqualTheProtocols() {
    List<List<Box>> gt = scaledGt();
    int n = gt.size();
    List<double[]> maps = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      maps.add(map(i));
    }
    for (JsonNode run : EXPECTED.get("runs")) {
      double step = run.get("step").asDouble();
      boolean multi = run.get("multiContour").asBoolean();
      int[] ious = new int[run.get("ious").size()];
      for (int d = 0; d < ious.length; d++) {
        ious[d] = run.get("ious").get(d).asInt();
      }
      WsolCounts counts = WsolEvaluator.builder().optStep(step).optIouPercents(ious).build()
          .evaluate(ScoreMaps.of(maps, side(), side()), gt, null);
      assertThat(counts.images()).isEqualTo(run.get("images").asLong());
      int mode = multi ? WsolCounts.ALL : WsolCounts.LARGEST;
      int[] evaluated = counts.iouPercents();
      for (int d = 0; d < ious.length; d++) {
        JsonNode correct = run.get("correct").get(Integer.toString(ious[d]));
        int di = indexOf(evaluated, ious[d]);
        assertThat(correct.size()).isEqualTo(counts.grid().size());
        for (int k = 0; k < correct.size(); k++) {
          assertThat(Math.round(counts.accuracy(mode, di, k) * n))
              .as("step %s, multi %s, IoU %d, τ index %d", step, multi, ious[d], k)
              .isEqualTo(correct.get(k).asLong());
        }
      }
      @SuppressWarnings("unchecked")
      Map<String, Double> max = (Map<String, Double>) WsolEvaluator.report(counts, null, !multi, ious).get("maxBoxAcc");
      for (int d = 0; d < ious.length; d++) {
        assertThat(max.get(Integer.toString(ious[d])))
            .as("MaxBoxAcc step %s, multi %s, IoU %d", step, multi, ious[d])
            .isCloseTo(run.get("maxBoxAcc").get(d).asDouble(), within(1e-9));
      }
    }
  }

  @Test
  void boxesAtEveryThresholdEqualTheProtocols() {
    List<List<Box>> gt = scaledGt();
    WsolEvaluator ev = WsolEvaluator.builder().build();
    JsonNode images = EXPECTED.get("images");
    for (int i = 0; i < images.size(); i++) {
      JsonNode img = images.get(i);
      double[] m = map(i);
      for (int k = 0; k < ev.grid().size(); k++) {
        double tau = ev.grid().tau(k);
        List<Box> v1 = ev.boxesAt(m, side(), side(), tau, true);
        assertThat(v1).as("%s τ=%s", img.get("name").asText(), tau).containsExactly(box(img.get("boxesV1").get(k)));
        List<Box> v2 = ev.boxesAt(m, side(), side(), tau, false);
        assertThat(v2).as("%s τ=%s contours", img.get("name").asText(), tau).hasSize(img.get("contours").get(k).asInt());
        assertThat(bestIou(v2, gt.get(i))).as("%s τ=%s multi-contour IoU", img.get("name").asText(), tau)
            .isCloseTo(img.get("bestIouV2").get(k).asDouble(), within(1e-12));
        assertThat(bestIou(v1, gt.get(i))).isCloseTo(img.get("bestIouV1").get(k).asDouble(), within(1e-12));
      }
    }
  }

  private static double bestIou(List<Box> predicted, List<Box> gt) {
    double best = 0;
    for (Box p : predicted) {
      for (Box g : gt) {
        best = Math.max(best, p.iou(g));
      }
    }
    return best;
  }

  private static int indexOf(int[] a, int v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    throw new AssertionError(v);
  }

  @Test
  void contoursOfSmallRandomMapsEqualTheProtocols() {
    // 8-bit maps of random blocks and noise, square, wide and tall: holes, nested and touching
    // contours, equal areas
    for (String set : new String[] {"stress", "stress_wide", "stress_tall"}) {
      JsonNode expected = Fixtures.json("wsol_golden_" + set + "_expected");
      NdArray maps = Fixtures.npy("wsol_golden_" + set + "_maps");
      int h = maps.dim(1);
      int w = maps.dim(2);
      WsolEvaluator ev = WsolEvaluator.builder().optStep(expected.get("step").asDouble()).build();
      for (int i = 0; i < maps.dim(0); i++) {
        double[] m = new double[h * w];
        maps.copyDoubles((long) i * h * w, m, 0, m.length);
        JsonNode e = expected.get("maps").get(i);
        for (int k = 0; k < ev.grid().size(); k++) {
          double tau = ev.grid().tau(k);
          assertThat(ev.boxesAt(m, h, w, tau, true)).as("%s map %d τ=%s largest", set, i, tau)
              .containsExactly(box(e.get("v1").get(k)));
          List<Box> want = new ArrayList<>();
          e.get("v2").get(k).forEach(b -> want.add(box(b)));
          assertThat(ev.boxesAt(m, h, w, tau, false)).as("%s map %d τ=%s all", set, i, tau)
              .containsExactlyInAnyOrderElementsOf(want);
        }
      }
    }
  }

  @Test
  void pxapEqualsTheMaskEvaluators() {
    // MaskEvaluator on the same maps, masks 0 / 1 / 255 (ignored); it reports percent
    JsonNode expected = Fixtures.json("wsol_golden_pxap_expected");
    NdArray masks = Fixtures.npy("wsol_golden_pxap_masks");
    int side = side();
    List<double[]> maps = new ArrayList<>();
    List<org.fga.core.data.Mask> gt = new ArrayList<>();
    JsonNode indices = expected.get("mapIndices");
    for (int i = 0; i < indices.size(); i++) {
      maps.add(map(indices.get(i).asInt()));
      byte[] b = new byte[side * side];
      double[] v = new double[side * side];
      masks.copyDoubles((long) i * side * side, v, 0, v.length);
      for (int p = 0; p < v.length; p++) {
        b[p] = (byte) (int) v[p];
      }
      gt.add(new org.fga.core.data.Mask(side, side, b));
    }
    for (String step : new String[] {"0.01", "0.001"}) {
      PixelHistogram h = PixelHistogram.of(new ThresholdGrid(Double.parseDouble(step)), ScoreMaps.of(maps, side, side), gt, null);
      assertThat(h.pxap()).as("PxAP at step %s", step).isCloseTo(expected.get(step).asDouble(), within(1e-9));
    }
  }
}
