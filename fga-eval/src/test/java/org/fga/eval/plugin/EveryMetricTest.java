package org.fga.eval.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.fga.core.data.Box;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.Mask;
import org.fga.core.data.Task;
import org.fga.core.metric.EvalOutputs;
import org.fga.core.metric.MetricProvider;
import org.fga.core.plugin.Plugins;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every registered metric, found through the registry, scores a complete set of random outputs. */
class EveryMetricTest {
  /** Each metric labelled by its name, so a failure reads "[wsol]", not "[3]". */
  static Stream<org.junit.jupiter.api.Named<MetricProvider>> metrics() {
    return Plugins.load().metrics().all().stream().map(m -> org.junit.jupiter.api.Named.of(m.name(), m));
  }

  /** Random outputs with every field filled: 12 samples, 4 classes, 10x12 maps. */
  static EvalOutputs outputs(long seed, EvalOutputs heldOut, EvalOutputs gallery) {
    Random r = new Random(seed);
    int n = 12;
    int c = 4;
    int h = 10;
    int w = 12;
    int[] labels = IntStream.range(0, n).map(i -> i % c).toArray();
    int[][] multi = new int[n][];
    float[][] logits = new float[n][c];
    float[][] emb = new float[n][6];
    float[][][] maps = new float[n][h][w];
    List<List<Box>> boxes = new ArrayList<>();
    List<Mask> masks = new ArrayList<>();
    int[] cams = new int[n];
    for (int i = 0; i < n; i++) {
      multi[i] = new int[] {labels[i], (labels[i] + 1) % c};
      for (int k = 0; k < c; k++) {
        logits[i][k] = r.nextFloat();
      }
      for (int k = 0; k < 6; k++) {
        emb[i][k] = r.nextFloat() + (k == labels[i] ? 1 : 0);
      }
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          maps[i][y][x] = r.nextFloat() + (x > 3 && y > 2 && x < 9 && y < 8 ? 1 : 0);
        }
      }
      Box b = new Box(4, 3, 8, 7);
      boxes.add(List.of(b));
      masks.add(Mask.ofBoxes(h, w, List.of(b)));
      cams[i] = r.nextInt(3);
    }
    DatasetInfo info = new DatasetInfo("random", Task.CLASSIFICATION, c, List.of("a", "b", "c", "d"));
    List<String> ids = IntStream.range(0, n).mapToObj(i -> "s" + i).toList();
    float[][][][] classMaps = new float[n][][][];
    for (int i = 0; i < n; i++) {
      float[][] other = new float[h][w];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          other[y][x] = r.nextFloat();
        }
      }
      classMaps[i] = new float[][][] {maps[i], other};
    }
    return new EvalOutputs(info, ids, labels, multi, logits, emb, maps, classMaps, boxes, masks, cams, heldOut, gallery);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("metrics")
  void scoresCompleteOutputsWithFractions(MetricProvider metric) {
    EvalOutputs o = outputs(1, outputs(2, null, null), outputs(3, null, null));
    Map<String, Object> result = metric.computeWithDefaults(o);
    assertThat(result).as(metric.name()).isNotEmpty();
    assertFractions(metric.name(), result);
  }

  private static void assertFractions(String where, Object v) {
    if (v instanceof Double d) {
      if (!where.endsWith("bestThreshold")) {
        assertThat(d).as(where).isBetween(0.0, 1.0);
      }
    } else if (v instanceof Map<?, ?> m) {
      m.forEach((k, x) -> assertFractions(where + "." + k, x));
    } else if (v instanceof List<?> l) {
      l.forEach(x -> assertFractions(where + "[]", x));
    }
  }
}
