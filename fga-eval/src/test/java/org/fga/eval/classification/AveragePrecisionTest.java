package org.fga.eval.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.fga.core.error.FgaUserException;
import org.fga.eval.Fixtures;
import org.fga.core.io.NdArray;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class AveragePrecisionTest {
  private static final double[] SCORES = {0.9, 0.8, 0.8, 0.3};
  private static final boolean[] REL = {true, false, true, false};

  @Test
  void tiedScoresEnterTogether() {
    // points: (R .5, P 1) at 0.9; the tie at 0.8 adds one positive and one negative: (R 1, P 2/3)
    assertThat(AveragePrecision.of(SCORES, REL)).isCloseTo(0.5 * 1 + 0.5 * 2.0 / 3, within(1e-15));
    // a tie of a negative and a positive at the top: (R .5, P .5) then (R 1, P 2/3)
    assertThat(AveragePrecision.of(new double[] {0.8, 0.8, 0.3}, new boolean[] {false, true, true}))
        .isCloseTo(0.25 + 0.5 * 2.0 / 3, within(1e-15));
  }

  @Test
  void voc07ElevenPoints() {
    // recall ≥ t for t in 0..0.5 (6 points): max precision 1; t in 0.6..1 (5 points): 2/3
    assertThat(AveragePrecision.voc07(SCORES, REL)).isCloseTo((6 + 5 * 2.0 / 3) / 11, within(1e-15));
  }

  @Test
  void noPositiveIsUndefined() {
    assertThat(AveragePrecision.of(new double[] {1, 2}, new boolean[] {false, false})).isNaN();
    MultiLabelMap m = new MultiLabelMap(2, false);
    m.add(new double[] {0.2, 0.1}, new boolean[] {true, false});
    m.add(new double[] {0.1, 0.9}, new boolean[] {false, false});
    Map<String, Object> out = m.toMap();
    assertThat((double) out.get("mAP")).isEqualTo(1.0);
    assertThat((List<Object>) out.get("apPerClass")).containsExactly(1.0, null);
  }

  @Test
  void allClassesWithoutPositivesIsAUserError() {
    MultiLabelMap m = new MultiLabelMap(1, false).add(new double[] {0.3}, new boolean[] {false});
    assertThatThrownBy(m::toMap).isInstanceOf(FgaUserException.class).hasMessageContaining("no class");
  }

  @Test
  void agreesWithSklearnOnRandomScoresWithTies() {
    NdArray s = Fixtures.npy("mlap_scores");
    NdArray t = Fixtures.npy("mlap_targets");
    JsonNode exp = Fixtures.json("mlap_expected");
    for (boolean voc07 : new boolean[] {false, true}) {
      JsonNode e = voc07 ? exp.get("voc07") : exp;
      MultiLabelMap m = new MultiLabelMap(s.dim(1), voc07);
      for (int i = 0; i < s.dim(0); i++) {
        double[] row = t.row(i);
        boolean[] pos = new boolean[row.length];
        for (int j = 0; j < row.length; j++) {
          pos[j] = row[j] == 1;
        }
        m.add(s.row(i), pos);
      }
      Map<String, Object> out = m.toMap();
      assertThat((double) out.get("mAP")).isCloseTo(e.get("mAP").asDouble(), within(1e-9));
      List<?> per = (List<?>) out.get("apPerClass");
      for (int c = 0; c < per.size(); c++) {
        if (e.get("apPerClass").get(c).isNull()) {
          assertThat(per.get(c)).as("class %d", c).isNull();
        } else {
          assertThat((Double) per.get(c)).as("class %d", c).isCloseTo(e.get("apPerClass").get(c).asDouble(), within(1e-9));
        }
      }
    }
  }
}
