package org.fga.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.fga.core.plugin.Plugins;
import org.fga.core.spec.ScheduleSpec;
import org.junit.jupiter.api.Test;

/** Which schedule each method trains with in {@code fga demo}. */
class DemoScheduleTest {
  private final Plugins plugins = Plugins.load();

  @Test
  void baselineTrainsWithTheDefaultSchedule() throws Exception {
    DemoCommand.DemoSchedule s = DemoCommand.schedule(plugins, "baseline", DemoCommand.FULL);
    assertThat(s.source()).isEqualTo("default");
    ScheduleSpec n = s.spec();
    assertThat(n.lr()).isEqualTo(0.05);
    assertThat(n.epochs()).isEqualTo(DemoCommand.FULL.epochs());
    assertThat(n.batchSize()).isEqualTo(DemoCommand.FULL.batch());
    assertThat(s.summary()).isEqualTo("sgd lr 0.05");
  }

  @Test
  void calAndWsdanTrainTheirNewLayersAtThePapersRate() throws Exception {
    for (String method : new String[] {"cal", "wsdan"}) {
      DemoCommand.DemoSchedule s = DemoCommand.schedule(plugins, method, DemoCommand.QUICK);
      assertThat(s.source()).isEqualTo("configs/cal/synthetic/" + method + "_synth.yaml");
      ScheduleSpec n = s.spec();
      assertThat(n.lr()).isEqualTo(1e-3);
      assertThat(n.backboneLrMult()).isEqualTo(50);
      // the demo's own keys stay, and epochs and batch come from the demo size
      assertThat(n.momentum()).isEqualTo(0.9);
      assertThat(n.warmupEpochs()).isEqualTo(1.0);
      assertThat(n.epochs()).isEqualTo(DemoCommand.QUICK.epochs());
      assertThat(s.summary()).isEqualTo("sgd lr 0.001 ×50 backbone");
    }
  }

  @Test
  void selfSupervisedMethodsStayOutOfTheClassificationTable() throws Exception {
    assertThat(DemoCommand.skipReason(plugins, "lcr-byol")).contains("self-supervised");
    assertThat(DemoCommand.skipReason(plugins, "baseline")).isNull();
    assertThat(DemoCommand.skipReason(plugins, "cal")).isNull();
  }
}
