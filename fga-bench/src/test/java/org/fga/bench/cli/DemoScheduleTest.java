package org.fga.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.fga.core.plugin.Plugins;
import org.junit.jupiter.api.Test;

/** Which schedule each method trains with in {@code fga demo}. */
class DemoScheduleTest {
  private final Plugins plugins = Plugins.load();

  private JsonNode schedule(String method) throws Exception {
    return plugins.json().readTree(DemoCommand.schedule(plugins, method, DemoCommand.FULL).json());
  }

  @Test
  void baselineTrainsWithTheDefaultSchedule() throws Exception {
    DemoCommand.DemoSchedule s = DemoCommand.schedule(plugins, "baseline", DemoCommand.FULL);
    assertThat(s.source()).isEqualTo("default");
    JsonNode n = schedule("baseline");
    assertThat(n.path("lr").asDouble()).isEqualTo(0.05);
    assertThat(n.path("epochs").asInt()).isEqualTo(DemoCommand.FULL.epochs());
    assertThat(n.path("batchSize").asInt()).isEqualTo(DemoCommand.FULL.batch());
  }

  @Test
  void calAndWsdanTrainTheirNewLayersAtThePapersRate() throws Exception {
    for (String method : new String[] {"cal", "wsdan"}) {
      DemoCommand.DemoSchedule s = DemoCommand.schedule(plugins, method, DemoCommand.QUICK);
      assertThat(s.source()).isEqualTo("configs/cal/synthetic/" + method + "_synth.yaml");
      JsonNode n = schedule(method);
      assertThat(n.path("lr").asDouble()).isEqualTo(1e-3);
      assertThat(n.path("backboneLrMult").asDouble()).isEqualTo(50);
      // the demo's own keys stay
      assertThat(n.path("momentum").asDouble()).isEqualTo(0.9);
      assertThat(n.path("epochs").asInt()).isEqualTo(DemoCommand.FULL.epochs());
    }
  }

  @Test
  void selfSupervisedMethodsStayOutOfTheClassificationTable() throws Exception {
    assertThat(DemoCommand.skipReason(plugins, "lcr-byol")).contains("self-supervised");
    assertThat(DemoCommand.skipReason(plugins, "baseline")).isNull();
    assertThat(DemoCommand.skipReason(plugins, "cal")).isNull();
  }
}
