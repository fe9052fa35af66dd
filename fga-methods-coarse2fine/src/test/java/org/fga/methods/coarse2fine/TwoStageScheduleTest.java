package org.fga.methods.coarse2fine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fga.core.plugin.Plugins;
import org.fga.core.rundir.RunDir;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.SpecReader;
import org.fga.core.train.Session;
import org.fga.core.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the real trainer, with SGD momentum and weight decay (which would move any parameter the
 * optimiser touched): stage 1 leaves the inverse mapping and the fine classifier exactly at their
 * initial values while the attention conv trains; stage 2 trains them.
 */
class TwoStageScheduleTest {
  private static final String SPEC = """
      name: c2f-stages
      method: {type: coarse2fine, attentionMaps: 4, stage1Epochs: 1}
      backbone: {arch: resnet18, width: 4, outputStride: 8}
      data: {type: synthetic, imageSize: 32, numClasses: 3, trainSize: 16, valSize: 8, testSize: 8}
      schedule: {epochs: 2, batchSize: 8, lr: 0.05, momentum: 0.9, weightDecay: 0.01, logEvery: 1}
      eval: {metrics: []}
      """;

  private static List<float[]> values(Block... blocks) {
    List<float[]> out = new ArrayList<>();
    for (Block b : blocks) {
      for (var p : b.getParameters()) {
        NDArray a = p.getValue().getArray();
        out.add(a.toFloatArray());
      }
    }
    return out;
  }

  @Test
  void stageOneFreezesTheSecondStageAndStageTwoTrainsIt(@TempDir Path dir) {
    Plugins plugins = Plugins.load();
    ExperimentSpec spec = new SpecReader(plugins).parse(SPEC, false, "c2f-stages");
    try (Session s = new Session(plugins, spec)) {
      Coarse2FineNetwork net = ((Coarse2FineMethod) s.method()).network();
      List<float[]> secondStage0 = values(net.inverse(), net.fineFc());
      List<float[]> attention0 = values(net.attention());
      List<List<float[]>> afterStageOne = new ArrayList<>();
      List<List<float[]>> attentionAfterStageOne = new ArrayList<>();
      Trainer.builder().setSession(s).setRunDir(new RunDir(dir)).optQuiet(true)
          .optStepListener((step, nanos, terms) -> {
            if (step == 2) { // 16 images / batch 8: the last step of epoch 1
              afterStageOne.add(values(net.inverse(), net.fineFc()));
              attentionAfterStageOne.add(values(net.attention()));
              assertThat(terms).doesNotContainKey("fine");
            } else if (step > 2) {
              assertThat(terms).containsKey("fine");
            }
          })
          .build().fit();
      List<float[]> end = values(net.inverse(), net.fineFc());
      for (int i = 0; i < secondStage0.size(); i++) {
        assertThat(afterStageOne.get(0).get(i)).as("stage 1, second-stage parameter %d", i)
            .containsExactly(secondStage0.get(i));
        assertThat(end.get(i)).as("stage 2, second-stage parameter %d", i).isNotEqualTo(secondStage0.get(i));
      }
      assertThat(attentionAfterStageOne.get(0).get(0)).isNotEqualTo(attention0.get(0));
    }
  }
}
