package org.fga.eval.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.fga.core.data.Mask;
import org.fga.core.error.FgaUserException;
import org.fga.eval.Fixtures;
import org.fga.core.io.NdArray;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class ConfusionMatrixTest {
  private static byte[] bytes(int... v) {
    byte[] b = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = (byte) v[i];
    }
    return b;
  }

  @Test
  void handComputed() {
    ConfusionMatrix cm = new ConfusionMatrix(4, 255);
    // pixel 4 is ignored; pixel 5's prediction 255 is no class: a miss of class 2
    cm.add(bytes(0, 1, 1, 1, 0, 255), bytes(0, 0, 1, 1, 255, 2), "img");
    Map<String, Object> m = cm.toMap();
    // IoU0 = 1/2, IoU1 = 2/3, IoU2 = 0/1, class 3 absent from both: null
    assertThat((List<Object>) m.get("iouPerClass")).containsExactly(0.5, 2.0 / 3, 0.0, null);
    assertThat((double) m.get("mIoU")).isCloseTo((0.5 + 2.0 / 3) / 3, within(1e-15));
    assertThat((double) m.get("pixelAccuracy")).isEqualTo(0.6);
    assertThat((double) m.get("meanAccuracy")).isCloseTo((0.5 + 1 + 0) / 3, within(1e-15));
    assertThat(m.get("pixels")).isEqualTo(5L);
  }

  @Test
  void allIgnoredGivesNulls() {
    ConfusionMatrix cm = new ConfusionMatrix(3, 255).add(bytes(0, 1), bytes(255, 255), "img");
    Map<String, Object> m = cm.toMap();
    assertThat(m.get("mIoU")).isNull();
    assertThat(m.get("pixelAccuracy")).isNull();
    assertThat((List<Object>) m.get("iouPerClass")).containsExactly(null, null, null);
  }

  @Test
  void errorsNameTheImage() {
    ConfusionMatrix cm = new ConfusionMatrix(3, 255);
    assertThatThrownBy(() -> cm.add(bytes(0), bytes(7), "a.png"))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("a.png")
        .hasMessageContaining("7");
    assertThatThrownBy(() -> cm.add(Mask.zeros(2, 3), Mask.zeros(3, 2), "b.png"))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("(2, 3)")
        .hasMessageContaining("(3, 2)");
  }

  @Test
  void agreesWithNumpyBincount() {
    NdArray pred = Fixtures.npy("seg_pred");
    NdArray gt = Fixtures.npy("seg_gt");
    ConfusionMatrix cm = new ConfusionMatrix(6, 255);
    int px = pred.dim(1) * pred.dim(2);
    for (int i = 0; i < pred.dim(0); i++) {
      byte[] p = new byte[px];
      byte[] g = new byte[px];
      for (int j = 0; j < px; j++) {
        p[j] = (byte) pred.getLong((long) i * px + j);
        g[j] = (byte) gt.getLong((long) i * px + j);
      }
      cm.add(p, g, "img" + i);
    }
    check(cm.toMap(), Fixtures.json("seg_expected"));
  }

  @Test
  void pngDirectoriesGiveTheSameResult() {
    ConfusionMatrix cm =
        MaskDirectories.evaluate(Fixtures.path("seg_png/pred"), Fixtures.path("seg_png/gt"), 6, 255);
    check(cm.toMap(), Fixtures.json("seg_expected"));
  }

  @Test
  void missingPredictionIsNamed() {
    assertThatThrownBy(() -> MaskDirectories.evaluate(Fixtures.path("seg_png/gt").getParent(), Fixtures.path("seg_png/gt"), 6, 255))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("missing prediction");
  }

  static void check(Map<String, Object> m, JsonNode e) {
    for (String k : new String[] {"mIoU", "pixelAccuracy", "meanAccuracy"}) {
      assertThat((double) m.get(k)).as(k).isCloseTo(e.get(k).asDouble(), within(1e-9));
    }
    List<?> per = (List<?>) m.get("iouPerClass");
    for (int c = 0; c < per.size(); c++) {
      JsonNode v = e.get("iouPerClass").get(c);
      if (v.isNull()) {
        assertThat(per.get(c)).isNull();
      } else {
        assertThat((Double) per.get(c)).isCloseTo(v.asDouble(), within(1e-9));
      }
    }
  }
}
