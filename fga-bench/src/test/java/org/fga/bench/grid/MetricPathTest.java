package org.fga.bench.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.fga.core.error.FgaUserException;
import org.junit.jupiter.api.Test;

class MetricPathTest {
  @Test
  void numericPartsIndexArrays() throws Exception {
    var metrics = new ObjectMapper().readTree("{\"reid\": {\"mAP\": 0.5, \"cmc\": [0.7, 0.8]}}");
    assertThat(new MetricPath("reid.cmc.0").read(metrics, "m")).isEqualTo(0.7);
    assertThat(new MetricPath("reid.mAP").read(metrics, "m")).isEqualTo(0.5);
    assertThatThrownBy(() -> new MetricPath("reid.cmc.5").read(metrics, "m"))
        .isInstanceOf(FgaUserException.class);
  }
}
