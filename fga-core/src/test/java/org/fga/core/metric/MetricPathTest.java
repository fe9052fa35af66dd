package org.fga.core.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fga.core.error.FgaUserException;
import org.junit.jupiter.api.Test;
import org.fga.core.io.Mappers;

class MetricPathTest {
  @Test
  void numericPartsIndexArrays() throws Exception {
    var metrics = Mappers.json().readTree("{\"reid\": {\"mAP\": 0.5, \"cmc\": [0.7, 0.8]}}");
    assertThat(new MetricPath("reid.cmc.0").read(metrics, "m")).isEqualTo(0.7);
    assertThat(new MetricPath("reid.mAP").read(metrics, "m")).isEqualTo(0.5);
    assertThatThrownBy(() -> new MetricPath("reid.cmc.5").read(metrics, "m"))
        .isInstanceOf(FgaUserException.class);
  }

  @Test
  void anUndefinedMetricWrittenAsNullReadsAsNaN() throws Exception {
    var metrics = Mappers.json().readTree(Mappers.json().writeValueAsString(
        java.util.Map.of("multilabel", java.util.Map.of("mAP", Double.NaN))));
    assertThat(new MetricPath("multilabel.mAP").read(metrics, "m")).isNaN();
  }

  @Test
  void wsolNumbersScoredBeforeTheProtocolsDefinitionsAreRefused() throws Exception {
    var fresh = Mappers.json().readTree(
        "{\"wsol\": {\"gtKnownLoc\": 0.5, \"atHeldOutThreshold\": {\"gtKnownBoxAcc\": 0.25}}, \"accuracy\": {\"top1\": 1}}");
    assertThat(new MetricPath("wsol.atHeldOutThreshold.gtKnownBoxAcc").read(fresh, "m")).isEqualTo(0.25);
    var old = Mappers.json().readTree(
        "{\"wsol\": {\"gtKnownLoc\": 0.5, \"thresholdSelection\": \"held-out\"}, \"accuracy\": {\"top1\": 1}}");
    assertThatThrownBy(() -> new MetricPath("wsol.gtKnownLoc").read(old, "runs/x/metrics.json"))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("runs/x/metrics.json")
        .hasMessageContaining("earlier fga");
    assertThat(new MetricPath("accuracy.top1").read(old, "m")).isEqualTo(1.0);
  }
}
