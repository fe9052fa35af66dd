package org.fga.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.nn.Parameter;
import java.nio.file.Path;
import java.util.List;
import org.fga.core.error.FgaUserException;
import org.fga.core.plugin.Plugins;
import org.fga.core.rundir.RunDir;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.SpecReader;
import org.fga.core.testing.TestPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data-parallel training, run on two copies of the CPU. */
class DataParallelTest {
  static final Plugins PLUGINS = TestPlugins.load();
  static final List<Device> TWO_CPUS = List.of(Device.cpu(), Device.cpu());

  @Test
  void batchesSplitEvenlyAndNeverCutAnIdentity() {
    assertThat(DataParallel.split(8, 2, 1)).isDeepEqualTo(new int[][] {{0, 4}, {4, 8}});
    assertThat(DataParallel.split(10, 3, 1)).isDeepEqualTo(new int[][] {{0, 4}, {4, 7}, {7, 10}});
    // P×K = 5 identities × 4 images over 2 devices: 3 and 2 identities, cut at identity borders
    assertThat(DataParallel.split(20, 2, 4)).isDeepEqualTo(new int[][] {{0, 12}, {12, 20}});
    assertThatThrownBy(() -> DataParallel.split(8, 3, 4))
        .isInstanceOf(FgaUserException.class)
        .hasMessage("schedule.batchSize 8 cannot be split over 3 devices in whole identities of 4 images:"
            + " use a batch of at least 12");
  }

  static ExperimentSpec spec(String backbone) {
    return new SpecReader(PLUGINS).parse(
        """
        name: dp
        method: {type: baseline}
        backbone: {arch: %s}
        data: {type: squares, size: 48}
        schedule: {epochs: 1, batchSize: 8, lr: 0.1, momentum: 0.9, logEvery: 1}
        eval: {metrics: []}
        seed: 5
        """.formatted(backbone), false, "dp.yaml");
  }

  static List<float[]> fit(ExperimentSpec spec, Path dir, List<Device> devices) {
    try (Session s = new Session(PLUGINS, spec)) {
      Trainer.Builder b = Trainer.builder().setSession(s).setRunDir(new RunDir(dir)).optQuiet(true);
      if (devices != null) {
        b.optDevices(devices);
      }
      b.build().fit();
      return TrainerTest.snapshot(s);
    }
  }

  @Test
  void twoReplicasTakeTheSameStepsAsOneDevice(@TempDir Path one, @TempDir Path two) {
    // Without batch norm the batch's mean loss is the shards' weighted sum, so every step over two
    // replicas (halves forward and backward separately, gradients summed) must equal one device's.
    List<float[]> single = fit(spec("tiny-nonorm"), one, null);
    List<float[]> parallel = fit(spec("tiny-nonorm"), two, TWO_CPUS);
    List<float[]> initial;
    try (Session s = new Session(PLUGINS, spec("tiny-nonorm"))) {
      initial = TrainerTest.snapshot(s);
    }
    for (int i = 0; i < single.size(); i++) {
      assertThat(single.get(i)).as("parameter %d moved", i).isNotEqualTo(initial.get(i));
      for (int j = 0; j < single.get(i).length; j++) {
        assertThat(parallel.get(i)[j]).as("parameter %d[%d]", i, j).isCloseTo(single.get(i)[j], within(2e-5f));
      }
    }
  }

  @Test
  void batchNormStatisticsComeFromTheFirstShard(@TempDir Path dir) {
    // Running statistics are not gradients: nn.DataParallel keeps its first replica's; so do we.
    // Left out, the parameters' running means would stay at their initial zeros.
    List<float[]> after = fit(spec("tiny"), dir, TWO_CPUS);
    try (Session s = new Session(PLUGINS, spec("tiny"))) {
      int i = 0;
      int checked = 0;
      for (var p : s.method().block().getParameters()) {
        Parameter param = p.getValue();
        if (p.getKey().endsWith("runningMean")) {
          assertThat(param.getArray().toFloatArray()).as(p.getKey() + " initially").containsOnly(0f);
          assertThat(after.get(i)).as(p.getKey() + " after data-parallel training").isNotEqualTo(param.getArray().toFloatArray());
          checked++;
        }
        i++;
      }
      assertThat(checked).as("batch-norm layers checked").isEqualTo(2);
    }
  }

  @Test
  void anAuxiliaryBackwardIsClearedFromTheShardsCopies() {
    // GAIN's Grad-CAM back-propagates a class score, then clears the head's gradients: in a shard
    // those gradients sit on the copies, which is what Gradients.clear must reach.
    try (Session s = new Session(PLUGINS, spec("tiny-nonorm"));
        ai.djl.ndarray.NDManager m = s.newStepManager()) {
      Replicas copies = new Replicas(m, Device.cpu());
      ai.djl.ndarray.NDArray x = m.randomUniform(0, 1, new ai.djl.ndarray.types.Shape(2, 3, 48, 48));
      try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
        ai.djl.ndarray.NDList out = s.method().block().forward(copies, new ai.djl.ndarray.NDList(x), true);
        gc.backward(out.get(0).sum());
      }
      Parameter first = s.method().block().getParameters().get(0).getValue();
      assertThat(copies.gradient(first).abs().sum().getFloat()).isPositive();
      org.fga.core.nn.Gradients.clear(copies, s.method().block());
      for (var p : s.method().block().getParameters()) {
        var g = copies.gradient(p.getValue());
        if (g != null) {
          assertThat(g.abs().sum().getFloat()).as(p.getKey()).isZero();
        }
      }
    }
  }
}
