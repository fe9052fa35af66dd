package org.fga.eval.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.fga.core.data.Box;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.Mask;
import org.fga.core.data.Task;
import org.fga.core.error.FgaUserException;
import org.fga.core.metric.EvalOutputs;
import org.fga.core.metric.MetricConfig;
import org.fga.core.plugin.Plugins;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.SpecReader;
import org.junit.jupiter.api.Test;

/** Options of metrics in experiment files: reading, defaults, validation and their effect. */
class MetricOptionsTest {
  private static final Plugins PLUGINS = Plugins.load();
  private static final SpecReader READER = new SpecReader(PLUGINS);

  private static ExperimentSpec spec(String metrics) {
    return READER.parse(
        """
        name: opts
        method: {type: baseline}
        backbone: {arch: resnet18}
        data: {type: synthetic}
        eval: {metrics: %s, heldOut: val}
        """
            .formatted(metrics),
        false,
        "exp.yaml");
  }

  private static List<MetricConfig> metrics(String metrics) {
    return spec(metrics).eval().metrics();
  }

  /**
   * One 1×10 map rising from 0 to 1 and a box over its last two pixels: only τ in (7/9, 8/9] finds
   * exactly that box, a value the 0.25 grid does not have (its τ = 0.75 box is one pixel too wide).
   */
  private static EvalOutputs ramp() {
    float[][] row = {new float[10]};
    IntStream.range(0, 10).forEach(x -> row[0][x] = x / 9f);
    return new EvalOutputs(
        new DatasetInfo("toy", Task.values()[0], 3, List.of("a", "b", "c")), List.of("s0"), new int[] {0}, null,
        new float[][] {{1, 0, 0}}, null, new float[][][] {row}, List.of(List.of(new Box(8, 0, 9, 0))),
        List.of(Mask.ofBoxes(1, 10, List.of(new Box(8, 0, 9, 0)))), null, null, null);
  }

  private static Map<String, Object> wsol(String options) {
    return new WsolMetric().compute(ramp(), metrics("[{type: wsol" + options + "}]").get(0));
  }

  private static List<Object> keys(Object map) {
    return List.copyOf(((Map<?, ?>) map).keySet());
  }

  @Test
  void aBareNameIsTheMetricWithItsDefaults() {
    assertThat(metrics("[accuracy, wsol]"))
        .isEqualTo(metrics("[{type: accuracy}, {type: wsol}]"))
        .isEqualTo(List.of(AccuracyMetricConfig.defaults(), WsolMetricConfig.defaults()));
    assertThat(wsol("")).isEqualTo(new WsolMetric().computeWithDefaults(ramp()));
    assertThat(metrics("[{type: wsol, iouThresholds: [30, 50, 70], thresholdStep: 0.01}]"))
        .containsExactly(WsolMetricConfig.defaults());
  }

  @Test
  void defaultsAreTheProtocolsHardCodedBefore() {
    assertThat(WsolMetricConfig.defaults()).isEqualTo(new WsolMetricConfig(List.of(30, 50, 70), 0.01, false, null));
    assertThat(AccuracyMetricConfig.defaults().topK()).containsExactly(1, 5);
    assertThat(ReidMetricConfig.defaults()).isEqualTo(new ReidMetricConfig(50, "euclidean"));
    assertThat(RetrievalMetricConfig.defaults()).isEqualTo(new RetrievalMetricConfig(List.of(1, 5), "cosine", "first"));
    assertThat(PxapMetricConfig.defaults().thresholdStep()).isEqualTo(0.01);
    assertThat(SegmentationMetricConfig.defaults().thresholdStep()).isEqualTo(0.01);
    assertThat(MultiLabelMapMetricConfig.defaults().voc07()).isFalse();
  }

  @Test
  void leavingMetricsOutMeansAccuracyWithItsDefaults() {
    ExperimentSpec s =
        READER.parse("{name: o, method: {type: baseline}, backbone: {arch: r}, data: {type: synthetic}}", false, "o");
    assertThat(s.eval().metrics()).containsExactly(AccuracyMetricConfig.defaults());
  }

  @Test
  void iouThresholdsChooseWhatMaxBoxAccReports() {
    Map<String, Object> r = wsol(", iouThresholds: [50]");
    assertThat(keys(r.get("maxBoxAcc"))).containsExactly("50");
    assertThat(r.get("maxBoxAccV2")).isEqualTo(((Map<?, ?>) r.get("maxBoxAcc")).get("50"));
    assertThat(keys(wsol("").get("maxBoxAcc"))).containsExactly("30", "50", "70");
  }

  @Test
  void aCoarserThresholdStepMissesTheExactBoxButNotTheLooseOnes() {
    Map<?, ?> fine = (Map<?, ?>) wsol("").get("maxBoxAcc");
    Map<?, ?> coarse = (Map<?, ?>) wsol(", thresholdStep: 0.25").get("maxBoxAcc");
    assertThat(fine.get("70")).isEqualTo(1.0);
    assertThat(coarse.get("70")).isEqualTo(0.0); // IoU 2/3 at τ = 0.75
    assertThat(coarse.get("30")).isEqualTo(1.0);
    assertThat(coarse.get("50")).isEqualTo(1.0);
    assertThat((double) wsol(", thresholdStep: 0.25").get("bestThreshold") % 0.25).isZero();
  }

  @Test
  void otherMetricsReadTheirOptions() {
    assertThat(wsol(", largestComponentOnly: true").get("boxes")).isEqualTo("largest-contour");
    EvalOutputs o = ramp();
    assertThat(new AccuracyMetric().compute(o, new AccuracyMetricConfig(List.of(1, 2)))).containsKeys("top1", "top2");
    assertThat(new PxapMetric().compute(o, new PxapMetricConfig(0.5)))
        .isNotEqualTo(new PxapMetric().computeWithDefaults(o));
  }

  @Test
  void aBadValueIsOneLineNamingTheDottedKey() {
    assertThatThrownBy(() -> metrics("[accuracy, {type: wsol, thresholdStep: 2}]"))
        .isInstanceOf(FgaUserException.class)
        .hasMessageStartingWith("exp.yaml: eval.metrics[1].thresholdStep must be in (0, 1), got 2")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> metrics("[{type: wsol, iouThresholds: [50, 120]}]"))
        .hasMessageContaining("eval.metrics[0].iouThresholds values must be in [1, 100], got 120");
    assertThatThrownBy(() -> metrics("[{type: reid, distance: manhattan}]"))
        .hasMessageContaining("eval.metrics[0].distance must be euclidean or cosine, got 'manhattan'");
  }

  @Test
  void aFixedWsolThresholdMustLieOnTheUnitInterval() {
    assertThatThrownBy(() -> metrics("[{type: wsol, fixedThreshold: 1.5}]"))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("eval.metrics[0].fixedThreshold must be in [0, 1), got 1.5");
  }

  @Test
  void anUnknownKeyListsTheKnownOnes() {
    assertThatThrownBy(() -> metrics("[accuracy, {type: wsol, iou: [50]}]"))
        .isInstanceOf(FgaUserException.class)
        .hasMessageStartingWith("exp.yaml: unknown key 'eval.metrics[1].iou'")
        .hasMessageContaining("known keys: fixedThreshold, iouThresholds, largestComponentOnly, thresholdStep");
  }

  @Test
  void anUnknownOrRepeatedMetricIsRefusedWhenTheFileIsRead() {
    assertThatThrownBy(() -> metrics("[acuracy]"))
        .hasMessageContaining("unknown type 'acuracy' at 'eval.metrics[0]'")
        .hasMessageContaining("wsol");
    assertThatThrownBy(() -> metrics("[wsol, {type: wsol, thresholdStep: 0.1}]"))
        .hasMessageContaining("lists 'wsol' twice");
  }

  @Test
  void theResolvedSpecShowsEveryOptionAndReadsBack() {
    ExperimentSpec s = spec("[accuracy, {type: wsol, iouThresholds: [50]}, reid]");
    String yaml = READER.toYaml(s);
    assertThat(yaml)
        .contains("type: \"wsol\"", "thresholdStep: 0.01", "largestComponentOnly: false", "maxRank: 50")
        .contains("distance: \"euclidean\"", "topK:");
    assertThat(READER.parse(yaml, false, "spec.resolved.yaml")).isEqualTo(s);
  }
}
