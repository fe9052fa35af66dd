package org.fga.eval.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.Mask;
import org.fga.core.data.Task;
import org.fga.core.error.FgaUserException;
import org.fga.core.metric.EvalOutputs;
import org.fga.eval.segmentation.ConfusionMatrix;
import org.fga.eval.segmentation.PresentClassSegmentation;
import org.fga.eval.wsol.ThresholdGrid;
import org.junit.jupiter.api.Test;

/**
 * The (C+1)-class mIoU from the maps of every present class: by hand on a small multi-label
 * image, and against a direct per-threshold computation on random images of unequal height and
 * width (so a swapped axis, an off-by-one threshold bin or a class offset shows).
 */
class SemanticMetricTest {
  private static final DatasetInfo INFO = new DatasetInfo("toy", Task.MULTILABEL, 3, List.of("a", "b", "c"));

  private static EvalOutputs outputs(int[] labels, int[][] multi, float[][][][] classMaps, List<Mask> masks, EvalOutputs heldOut) {
    List<String> ids = IntStream.range(0, labels.length).mapToObj(i -> "s" + i).toList();
    return new EvalOutputs(INFO, ids, labels, multi, null, null, null, classMaps, null, masks, null, heldOut, null);
  }

  @Test
  void twoClassesInOneImageByHand() {
    // 2x3 image holding classes 0 and 2 (mask values 1 and 3): class 0 on the left column, class 2
    // on the right column, background in the middle
    Mask truth = new Mask(2, 3, new byte[] {1, 0, 3, 1, 0, 3});
    float[][] map0 = {{1.0f, 0.2f, 0.0f}, {0.9f, 0.1f, 0.3f}};
    float[][] map2 = {{0.0f, 0.1f, 1.0f}, {0.2f, 0.3f, 0.8f}};
    EvalOutputs o = outputs(new int[] {-1}, new int[][] {{0, 2}}, new float[][][][] {{map0, map2}}, List.of(truth), null);
    Map<String, Object> r = new SemanticMetric().computeWithDefaults(o);
    // above τ ∈ (0.3, 0.8] every pixel is right: left column class 0, right class 2, middle (best
    // 0.2 or 0.3) background; the first such τ on the 0.01 grid is 0.31
    assertThat((double) r.get("mIoU")).isEqualTo(1.0);
    assertThat((double) r.get("bestThreshold")).isCloseTo(0.31, within(1e-12));
    assertThat(r.get("classes")).isEqualTo(List.of("background", "a", "b", "c"));
    @SuppressWarnings("unchecked")
    List<Double> per = (List<Double>) r.get("iouPerClass");
    assertThat(per.get(2)).as("class b is in neither truth nor prediction").isNull();
    assertThat(r.get("thresholdSelection")).isEqualTo("max-over-thresholds");
  }

  @Test
  void theClassOfTheHighestMapWinsNotTheFirst() {
    Mask truth = new Mask(1, 2, new byte[] {3, 3});
    float[][] low = {{0.0f, 1.0f}}; // class 0's map, normalised: 0, 1
    float[][] high = {{0.5f, 1.0f}}; // class 2's map, normalised: 0, 1 -> ties on pixel 1
    float[][] weak = {{1.0f, 0.0f}}; // class 0: 1 at pixel 0
    EvalOutputs o = outputs(new int[] {-1}, new int[][] {{0, 2}}, new float[][][][] {{weak, high}}, List.of(truth), null);
    PresentClassSegmentation s = new PresentClassSegmentation(4, new ThresholdGrid(0.5));
    s.add(new float[][][] {weak, high}, new int[] {0, 2}, truth, "x");
    ConfusionMatrix m = s.confusion(0); // τ = 0: every pixel takes its winning class
    assertThat(m.count(3, 1)).as("pixel 0: class 0's map 1 beats class 2's 0").isEqualTo(1);
    assertThat(m.count(3, 3)).as("pixel 1: class 2's map 1 beats class 0's 0").isEqualTo(1);
    assertThat(new SemanticMetric().computeWithDefaults(o)).containsKey("mIoU");
    assertThat(low).isNotNull();
  }

  @Test
  void equalsAThresholdByThresholdComputationOnRandomImages() {
    SplittableRandom rnd = new SplittableRandom(7);
    int n = 12;
    int h = 5;
    int w = 7;
    ThresholdGrid grid = new ThresholdGrid(0.05);
    float[][][][] maps = new float[n][][][];
    int[][] multi = new int[n][];
    List<Mask> masks = new ArrayList<>();
    PresentClassSegmentation fast = new PresentClassSegmentation(4, grid);
    for (int i = 0; i < n; i++) {
      multi[i] = i % 3 == 0 ? new int[] {1} : new int[] {0, 2};
      maps[i] = new float[multi[i].length][h][w];
      byte[] truth = new byte[h * w];
      for (int p = 0; p < h * w; p++) {
        int v = rnd.nextInt(5); // 0..3 classes, 4 -> ignore
        truth[p] = (byte) (v == 4 ? 255 : v);
      }
      for (float[][] m : maps[i]) {
        for (float[] row : m) {
          for (int x = 0; x < w; x++) {
            row[x] = (float) rnd.nextDouble(-2, 3);
          }
        }
      }
      masks.add(new Mask(h, w, truth));
      fast.add(maps[i], multi[i], masks.get(i), "s" + i);
    }
    for (int k = 0; k < grid.size(); k++) {
      ConfusionMatrix direct = new ConfusionMatrix(4, Mask.IGNORE);
      for (int i = 0; i < n; i++) {
        direct.add(predict(maps[i], multi[i], grid.tau(k), h, w), masks.get(i).data(), "s" + i);
      }
      ConfusionMatrix got = fast.confusion(k);
      for (int g = 0; g < 4; g++) {
        for (int p = 0; p <= 4; p++) {
          assertThat(got.count(g, p)).as("τ %s, truth %d, predicted %d", grid.tau(k), g, p).isEqualTo(direct.count(g, p));
        }
      }
    }
    EvalOutputs o = outputs(new int[n], multi, maps, masks, null);
    Map<String, Object> r = new SemanticMetric().computeWithDefaults(new EvalOutputs(INFO, o.ids(), o.labels(),
        multi, null, null, null, maps, null, masks, null, null, null));
    assertThat(r).containsKeys("mIoU", "iouPerClass", "bestThreshold");
  }

  /** Written independently of the metric: per pixel, normalise, take the highest map, threshold. */
  private static byte[] predict(float[][][] maps, int[] classes, double tau, int h, int w) {
    double[][] norm = new double[maps.length][h * w];
    for (int j = 0; j < maps.length; j++) {
      double lo = Double.MAX_VALUE;
      double hi = -Double.MAX_VALUE;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          lo = Math.min(lo, maps[j][y][x]);
          hi = Math.max(hi, maps[j][y][x]);
        }
      }
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          norm[j][y * w + x] = (maps[j][y][x] - lo) / (hi - lo);
        }
      }
    }
    byte[] out = new byte[h * w];
    for (int p = 0; p < h * w; p++) {
      int best = 0;
      for (int j = 1; j < maps.length; j++) {
        if (norm[j][p] > norm[best][p]) {
          best = j;
        }
      }
      out[p] = (byte) (norm[best][p] >= tau ? classes[best] + 1 : 0);
    }
    return out;
  }

  @Test
  void heldOutChoosesTheThreshold() {
    Mask truth = new Mask(1, 4, new byte[] {1, 1, 0, 0});
    float[][] map = {{1.0f, 0.6f, 0.4f, 0.0f}};
    // on the held-out image, the object reaches down to 0.2: τ chosen there is ≤ 0.2
    float[][] heldMap = {{1.0f, 0.2f, 0.1f, 0.0f}};
    EvalOutputs held = outputs(new int[] {0}, new int[][] {{0}}, new float[][][][] {{heldMap}}, List.of(truth), null);
    EvalOutputs test = outputs(new int[] {0}, new int[][] {{0}}, new float[][][][] {{map}}, List.of(truth), held);
    Map<String, Object> r = new SemanticMetric().computeWithDefaults(test);
    assertThat(r.get("thresholdSelection")).isEqualTo("held-out");
    assertThat((double) r.get("bestThreshold")).isLessThanOrEqualTo(0.2);
    assertThat((double) r.get("mIoU")).as("τ ≤ 0.2 takes the 0.4 pixel in on the test image").isLessThan(1.0);
  }

  @Test
  void aBinaryMaskOfASingleLabelImageIsItsClass() {
    Mask binary = new Mask(1, 3, new byte[] {1, 1, 0});
    float[][] map = {{1.0f, 0.9f, 0.0f}};
    List<String> ids = List.of("s0");
    EvalOutputs o = new EvalOutputs(INFO, ids, new int[] {2}, new int[][] {null}, null, null, null,
        new float[][][][] {{map}}, null, List.of(binary), null, null, null);
    Map<String, Object> r = new SemanticMetric().computeWithDefaults(o);
    @SuppressWarnings("unchecked")
    List<Double> per = (List<Double>) r.get("iouPerClass");
    assertThat(per.get(3)).as("class c (label 2) is value 3").isEqualTo(1.0);
    assertThat((double) r.get("mIoU")).isEqualTo(1.0);
  }

  @Test
  void mapsOfTheWrongShapeOrClassAreOneLine() {
    Mask truth = new Mask(2, 3, new byte[6]);
    PresentClassSegmentation s = new PresentClassSegmentation(4, new ThresholdGrid(0.1));
    assertThatThrownBy(() -> s.add(new float[][][] {new float[3][2]}, new int[] {0}, truth, "img7"))
        .isInstanceOf(FgaUserException.class).hasMessageContaining("img7").hasMessageContaining("3x2");
    assertThatThrownBy(() -> s.add(new float[][][] {new float[2][3]}, new int[] {3}, truth, "img8"))
        .isInstanceOf(FgaUserException.class).hasMessageContaining("class 3");
    assertThatThrownBy(() -> s.add(new float[][][] {new float[2][3]}, new int[] {0, 1}, truth, "img9"))
        .isInstanceOf(FgaUserException.class).hasMessageContaining("img9");
  }
}
