package org.fga.eval.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.fga.eval.Fixtures;
import org.fga.eval.reid.FeatureDistance;
import org.junit.jupiter.api.Test;

class RetrievalEvaluatorTest {
  @Test
  void handComputedLeaveOneOut() {
    double[][] f = {{1, 0}, {0.9, 0.1}, {0, 1}, {0.1, 0.9}, {5, 5}};
    int[] labels = {0, 1, 0, 1, 2}; // sample 4 is alone in its class: not scored
    Map<String, Object> m = RetrievalEvaluator.evaluate(f, labels, FeatureDistance.EUCLIDEAN, new int[] {1, 2});
    // q0: 1 (other), 3 (other), 2 (match) … → match at rank 2; q1: 0, 3 (match) → rank 1; symmetric
    // for q2 and q3. Sample 4 is far from all, so it is ranked last for everyone.
    assertThat((double) m.get("top1")).isEqualTo(0.0);
    assertThat((double) m.get("top2")).isEqualTo(0.5);
    assertThat((double) m.get("mAP")).isCloseTo((1.0 / 3 + 1.0 / 2 + 1.0 / 3 + 1.0 / 2) / 4, within(1e-15));
    assertThat(m.get("validQueries")).isEqualTo(4);
  }

  @Test
  void agreesWithNumpyReference() {
    double[][] f = Fixtures.npy("retr_features").toMatrix();
    int[] labels = Fixtures.npy("retr_labels").toInts();
    JsonNode exp = Fixtures.json("retr_expected");
    for (FeatureDistance d : FeatureDistance.values()) {
      JsonNode e = exp.get(d.name().toLowerCase());
      Map<String, Object> m = RetrievalEvaluator.evaluate(f, labels, d, new int[] {1, 5});
      // the fixture (written before the keys were renamed) calls the hit rates recall@K
      for (String k : new String[] {"1", "5"}) {
        assertThat((double) m.get("top" + k)).as(d + " top" + k).isCloseTo(e.get("recall@" + k).asDouble(), within(1e-9));
      }
      assertThat((double) m.get("mAP")).as(d + " mAP").isCloseTo(e.get("mAP").asDouble(), within(1e-9));
      assertThat(m.get("validQueries")).isEqualTo(e.get("validQueries").asInt());
    }
  }
}
