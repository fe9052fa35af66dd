package org.fga.eval.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.fga.core.metric.EvalOutputs;
import org.fga.eval.Fixtures;
import org.fga.eval.plugin.RetrievalMetric;
import org.fga.eval.plugin.RetrievalMetricConfig;
import org.fga.eval.reid.FeatureDistance;
import org.junit.jupiter.api.Test;

/**
 * Agreement with LCR's own retrieval code ({@code validate} of GANPerf/LCR main_moco.py), run on
 * the same features by src/test/python/make_lcr_retrieval.py. The features have varied norms (so
 * euclidean ranks differently from cosine) and, in the tie case, exact duplicates across classes.
 */
class LcrRetrievalTest {
  private static final int[] KS = {1, 5};

  private static Map<String, Object> run(String name, TieOrder ties) {
    double[][] f = Fixtures.npy("lcr_retr_" + name + "_features").toMatrix();
    int[] labels = Fixtures.npy("lcr_retr_" + name + "_labels").toInts();
    return RetrievalEvaluator.evaluate(f, labels, FeatureDistance.COSINE, KS, ties);
  }

  private static void assertMatches(Map<String, Object> ours, JsonNode ref, String what) {
    for (String k : new String[] {"top1", "top5", "mAP"}) {
      assertThat((double) ours.get(k)).as(what + " " + k).isCloseTo(ref.get(k).asDouble(), within(1e-9));
    }
  }

  @Test
  void tiesAreBrokenAsLcrDoesWithTiesLast() {
    JsonNode ref = Fixtures.json("lcr_retr_expected").get("ties");
    assertMatches(run("ties", TieOrder.LAST), ref, "ties: last");
  }

  @Test
  void theTieCaseDependsOnTheTieOrder() {
    // otherwise the case above would not test how ties are broken
    JsonNode ref = Fixtures.json("lcr_retr_expected").get("ties");
    Map<String, Object> first = run("ties", TieOrder.FIRST);
    assertThat((double) first.get("mAP")).isNotCloseTo(ref.get("mAP").asDouble(), within(1e-6));
  }

  @Test
  void withoutTiesBothOrdersAgreeWithLcr() {
    JsonNode ref = Fixtures.json("lcr_retr_expected").get("random");
    assertMatches(run("random", TieOrder.LAST), ref, "random, ties: last");
    assertMatches(run("random", TieOrder.FIRST), ref, "random, ties: first");
  }

  @Test
  void theMetricPluginScoresTheCollectedFeaturesTheSameWay() {
    double[][] f = Fixtures.npy("lcr_retr_ties_features").toMatrix();
    int[] labels = Fixtures.npy("lcr_retr_ties_labels").toInts();
    float[][] emb = new float[f.length][];
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < f.length; i++) {
      emb[i] = new float[f[i].length];
      for (int j = 0; j < f[i].length; j++) {
        emb[i][j] = (float) f[i][j];
      }
      ids.add("s" + i);
    }
    EvalOutputs o = new EvalOutputs(null, ids, labels, null, null, emb, null, null, null, null, null, null);
    Map<String, Object> r = new RetrievalMetric().compute(o, new RetrievalMetricConfig(null, null, "last"));
    assertMatches(r, Fixtures.json("lcr_retr_expected").get("ties"), "plugin");
    assertThat(r).containsKeys("top1", "top5", "mAP", "validQueries", "queries");
  }
}
