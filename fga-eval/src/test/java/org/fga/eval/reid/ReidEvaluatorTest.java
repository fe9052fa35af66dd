package org.fga.eval.reid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.fga.core.error.FgaUserException;
import org.fga.eval.Fixtures;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class ReidEvaluatorTest {
  private static final int[] GIDS = {1, 1, 2, 1, 3};
  private static final int[] GCAMS = {0, 1, 0, 1, 1};

  @Test
  void handComputedMarketProtocol() {
    double[][] d = {
      {0.1, 0.5, 0.2, 0.5, 0.3}, // id 1 cam 0: g0 removed; order g2 g4 g1 g3 → matches at ranks 2, 3
      {0.1, 0.1, 0.1, 0.1, 0.1}, // id 4: not in the gallery, skipped
      {0.4, 0.4, 0.4, 0.4, 0.4}, // id 3 cam 0: all tied, by index: g4 at rank 4
      {0.9, 0.9, 0.9, 0.9, 0.0}, // id 3 cam 1: its only match has its camera, removed: skipped
    };
    ReidEvaluator ev = new ReidEvaluator(GIDS, GCAMS, 10);
    ev.addAll(DistanceRows.of(d), new int[] {1, 4, 3, 3}, new int[] {0, 0, 0, 1});
    Map<String, Object> m = ev.toMap();
    double ap0 = (1.0 / 3 + 2.0 / 4) / 2;
    double ap2 = 1.0 / 5;
    assertThat((double) m.get("mAP")).isCloseTo((ap0 + ap2) / 2, within(1e-15));
    assertThat((double) m.get("mINP")).isCloseTo((2.0 / 4 + 1.0 / 5) / 2, within(1e-15));
    // max rank 10 is cut to the gallery size 5, as torchreid does
    assertThat((List<Object>) m.get("cmc")).containsExactly(0.0, 0.0, 0.5, 0.5, 1.0);
    assertThat(m.get("validQueries")).isEqualTo(2);
    assertThat(m.get("queries")).isEqualTo(4);
  }

  @Test
  void noValidQueryIsAUserError() {
    ReidEvaluator ev = new ReidEvaluator(GIDS, GCAMS, 5);
    ev.add(new double[] {0, 0, 0, 0, 0}, 7, 0);
    assertThatThrownBy(ev::toMap).isInstanceOf(FgaUserException.class).hasMessageContaining("no query");
  }

  @Test
  void shapeMismatchNamesBoth() {
    ReidEvaluator ev = new ReidEvaluator(GIDS, GCAMS, 5);
    assertThatThrownBy(() -> ev.addAll(DistanceRows.of(new double[2][5]), new int[] {1, 2, 3}, new int[] {0, 0, 0}))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("(3,)")
        .hasMessageContaining("(2,)");
  }

  @Test
  void agreesWithTorchreidStyleReferenceOnRandomInputs() {
    int[] qids = Fixtures.npy("reid_qids").toInts();
    int[] gids = Fixtures.npy("reid_gids").toInts();
    int[] qcams = Fixtures.npy("reid_qcams").toInts();
    int[] gcams = Fixtures.npy("reid_gcams").toInts();
    JsonNode exp = Fixtures.json("reid_expected");
    check(new ReidEvaluator(gids, gcams, 20).addAll(DistanceRows.of(Fixtures.npy("reid_distmat")), qids, qcams), exp.get("distmat"));
    double[][] qf = Fixtures.npy("reid_qf").toMatrix();
    double[][] gf = Fixtures.npy("reid_gf").toMatrix();
    for (FeatureDistance f : FeatureDistance.values()) {
      String key = f.name().toLowerCase();
      check(new ReidEvaluator(gids, gcams, 20).addAll(f.rows(qf, gf), qids, qcams), exp.get(key));
    }
  }

  private static void check(ReidEvaluator ev, JsonNode e) {
    Map<String, Object> m = ev.toMap();
    assertThat((double) m.get("mAP")).isCloseTo(e.get("mAP").asDouble(), within(1e-9));
    assertThat((double) m.get("mINP")).isCloseTo(e.get("mINP").asDouble(), within(1e-9));
    assertThat(m.get("validQueries")).isEqualTo(e.get("validQueries").asInt());
    List<?> cmc = (List<?>) m.get("cmc");
    assertThat(cmc).hasSize(e.get("cmc").size());
    for (int k = 0; k < cmc.size(); k++) {
      assertThat((Double) cmc.get(k)).isCloseTo(e.get("cmc").get(k).asDouble(), within(1e-9));
    }
  }
}
