package org.fga.eval.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.fga.core.error.FgaUserException;
import org.fga.eval.Fixtures;
import org.fga.core.io.NdArray;
import org.junit.jupiter.api.Test;

class AccuracyTest {
  @Test
  void handComputedWithTiesBrokenToTheLowerClass() {
    Accuracy acc = new Accuracy(4, 1, 2);
    acc.add(new double[] {0.1, 0.5, 0.5, 0.2}, 2); // class 1 ties and ranks first: rank 1
    acc.add(new double[] {0.9, 0.1, 0.0, 0.0}, 0); // rank 0
    acc.add(new double[] {0.3, 0.3, 0.3, 0.3}, 0); // all tied: class 0 first, rank 0
    acc.add(new double[] {0.3, 0.3, 0.3, 0.3}, 3); // rank 3
    Map<String, Object> m = acc.toMap();
    assertThat(m).containsOnlyKeys("top1", "top2", "meanClassAccuracy");
    assertThat((double) m.get("top1")).isEqualTo(0.5);
    assertThat((double) m.get("top2")).isEqualTo(0.75);
    // class 0: 2/2, class 2: 0/1, class 3: 0/1; class 1 has no sample and is left out
    assertThat((double) m.get("meanClassAccuracy")).isCloseTo(1.0 / 3, within(1e-15));
  }

  @Test
  void argmaxTakesTheFirstMaximum() {
    assertThat(Accuracy.argmax(new double[] {1, 3, 3, 2})).isEqualTo(1);
  }

  @Test
  void badInputsAreUserErrors() {
    assertThatThrownBy(() -> new Accuracy(3, 5)).isInstanceOf(FgaUserException.class).hasMessageContaining("k=5");
    assertThatThrownBy(() -> new Accuracy(3, 1).add(new double[] {1, 2, 3}, 3))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("label 3");
    assertThatThrownBy(() -> new Accuracy(3, 1).add(new double[] {1, Double.NaN, 3}, 1))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("NaN");
  }

  @Test
  void agreesWithNumpyOnRandomScoresWithTies() {
    NdArray s = Fixtures.npy("acc_scores");
    int[] y = Fixtures.npy("acc_labels").toInts();
    JsonNode exp = Fixtures.json("acc_expected");
    Accuracy acc = new Accuracy(s.dim(1), 1, 3, 5);
    for (int i = 0; i < y.length; i++) {
      acc.add(s.row(i), y[i]);
    }
    Map<String, Object> m = acc.toMap();
    for (String k : new String[] {"top1", "top3", "top5", "meanClassAccuracy"}) {
      assertThat((double) m.get(k)).as(k).isCloseTo(exp.get(k).asDouble(), within(1e-9));
    }
  }
}
