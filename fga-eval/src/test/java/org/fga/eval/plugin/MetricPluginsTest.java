package org.fga.eval.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.fga.core.data.Box;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.Mask;
import org.fga.core.data.Task;
import org.fga.core.error.FgaUserException;
import org.fga.core.metric.EvalOutputs;
import org.fga.core.metric.MetricProvider;
import org.fga.core.plugin.Plugins;
import org.junit.jupiter.api.Test;

class MetricPluginsTest {
  private static final DatasetInfo INFO = new DatasetInfo("toy", Task.values()[0], 3, List.of("a", "b", "c"));

  private static EvalOutputs outputs(
      int[] labels, int[][] multi, float[][] logits, float[][] emb, float[][][] maps, List<List<Box>> boxes,
      List<Mask> masks, int[] cams, EvalOutputs heldOut, EvalOutputs gallery) {
    int n = labels.length;
    List<String> ids = java.util.stream.IntStream.range(0, n).mapToObj(i -> "s" + i).toList();
    return new EvalOutputs(INFO, ids, labels, multi, logits, emb, maps, boxes, masks, cams, heldOut, gallery);
  }

  @Test
  void serviceLoaderFindsEveryMetric() {
    Plugins p = Plugins.load();
    assertThat(p.metrics().names())
        .contains("accuracy", "multilabel-map", "reid", "segmentation", "semantic", "wsol", "pxap", "retrieval");
    for (MetricProvider m : p.metrics().all()) {
      assertThat(m.description()).as(m.name()).isNotBlank();
      assertThat(m.needs()).as(m.name()).isNotNull();
    }
  }

  @Test
  void accuracyAndMultiLabelFromLogits() {
    float[][] logits = {{0.1f, 0.7f, 0.2f}, {0.5f, 0.2f, 0.3f}};
    EvalOutputs o = outputs(new int[] {1, 2}, new int[][] {{1}, {0, 2}}, logits, null, null, null, null, null, null, null);
    Map<String, Object> acc = new AccuracyMetric().computeWithDefaults(o);
    assertThat(acc).containsOnlyKeys("top1", "meanClassAccuracy"); // only 3 classes: no top5
    assertThat((double) acc.get("top1")).isEqualTo(0.5);
    Map<String, Object> map = new MultiLabelMapMetric().computeWithDefaults(o);
    // class 0: one positive ranked first → 1; class 1: 1; class 2: positive (0.3) above negative (0.2) → 1
    assertThat((double) map.get("mAP")).isEqualTo(1.0);
  }

  @Test
  void missingFieldsNameTheMetricAndField() {
    EvalOutputs o = outputs(new int[] {0}, null, null, null, null, null, null, null, null, null);
    assertThatThrownBy(() -> new AccuracyMetric().computeWithDefaults(o))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("accuracy")
        .hasMessageContaining("logits");
    assertThatThrownBy(() -> new ReidMetric().computeWithDefaults(o)).isInstanceOf(FgaUserException.class).hasMessageContaining("gallery");
  }

  @Test
  void reidAndRetrievalFromEmbeddings() {
    float[][] g = {{0, 0}, {1, 0}, {0, 1}};
    EvalOutputs gallery = outputs(new int[] {5, 6, 7}, null, null, g, null, null, null, new int[] {1, 1, 1}, null, null);
    EvalOutputs q = outputs(new int[] {6, 7}, null, null, new float[][] {{0.9f, 0}, {0.6f, 0.5f}}, null, null, null, new int[] {0, 0}, null, gallery);
    Map<String, Object> r = new ReidMetric().computeWithDefaults(q);
    // q0 (id 6): nearest is g1 (id 6), AP 1. q1 (id 7): g1 at 0.41, then g0 and g2 tied at 0.61,
    // the tie going to the lower index: its match g2 is third, AP 1/3
    assertThat((double) r.get("mAP")).isCloseTo((1 + 1.0 / 3) / 2, within(1e-12));
    EvalOutputs all = outputs(new int[] {0, 0, 1}, null, null, new float[][] {{1, 0}, {2, 0.1f}, {0, 1}}, null, null, null, null, null, null);
    Map<String, Object> ret = new RetrievalMetric().computeWithDefaults(all);
    assertThat(ret).containsKeys("top1", "mAP");
    assertThat((double) ret.get("top1")).isEqualTo(1.0);
  }

  @Test
  void wsolPxapAndSegmentationFromMaps() {
    float[][][] maps = {{{0, 0, 0, 0}, {0, 1, 1, 0}, {0, 1, 1, 0}}};
    Mask mask = Mask.ofBoxes(3, 4, List.of(new Box(1, 1, 2, 2)));
    EvalOutputs o =
        outputs(new int[] {2}, null, new float[][] {{0, 0, 1}}, null, maps, List.of(List.of(new Box(1, 1, 2, 2))),
            List.of(mask), null, null, null);
    Map<String, Object> w = new WsolMetric().computeWithDefaults(o);
    assertThat((double) w.get("gtKnownLoc")).isEqualTo(1.0);
    assertThat((double) w.get("top1Loc")).isEqualTo(1.0);
    assertThat(w).doesNotContainKey("atHeldOutThreshold");
    assertThat((double) new PxapMetric().computeWithDefaults(o).get("PxAP")).isEqualTo(1.0);
    Map<String, Object> s = new SegmentationMetric().computeWithDefaults(o);
    assertThat((double) s.get("mIoU")).isEqualTo(1.0);
    // a held-out split (a constant map: the box [0,0,0,0] at every τ, so its first τ is chosen)
    float[][][] flat = {{{1, 1, 1, 1}, {1, 1, 1, 1}, {1, 1, 1, 1}}};
    EvalOutputs held = outputs(new int[] {2}, null, null, null, flat, List.of(List.of(new Box(0, 0, 3, 2))),
        List.of(Mask.ofBoxes(3, 4, List.of(new Box(0, 0, 3, 2)))), null, null, null);
    EvalOutputs withHeld =
        outputs(new int[] {2}, null, new float[][] {{0, 0, 1}}, null, maps, List.of(List.of(new Box(1, 1, 2, 2))),
            List.of(mask), null, held, null);
    Map<String, Object> wh = new WsolMetric().computeWithDefaults(withHeld);
    assertThat(wh).containsAllEntriesOf(w);
    @SuppressWarnings("unchecked")
    Map<String, Object> at = (Map<String, Object>) wh.get("atHeldOutThreshold");
    assertThat((double) at.get("threshold")).isEqualTo(0.0);
    assertThat((double) at.get("gtKnownBoxAcc")).isEqualTo(1.0); // box [1,1,3,2] vs [1,1,2,2]: IoU 4/6
  }
}
