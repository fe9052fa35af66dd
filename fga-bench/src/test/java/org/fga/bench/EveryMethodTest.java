package org.fga.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.fga.core.data.Split;
import org.fga.core.method.MethodProvider;
import org.fga.core.metric.EvalNeeds;
import org.fga.core.metric.EvalOutputs;
import org.fga.core.plugin.Plugins;
import org.fga.core.run.RunDir;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.SpecReader;
import org.fga.core.train.Session;
import org.fga.core.train.Trainer;
import org.fga.core.evaluate.Evaluator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every registered method, with its default (paper) config on a tiny ResNet-18: two training steps
 * with finite losses, then inference and attention maps of the right shapes. A new method plugin
 * is covered here without editing this test. The training pipeline gives two views of each image
 * (self-supervised methods need them; the others train on view 0, the batch's images).
 */
class EveryMethodTest {
  static final Plugins PLUGINS = Plugins.load();

  static Stream<String> methods() {
    return PLUGINS.methods().names().stream();
  }

  @ParameterizedTest
  @MethodSource("methods")
  void trainsTwoStepsThenInfersAndAttends(String name, @TempDir Path dir) throws Exception {
    MethodProvider p = PLUGINS.methods().get(name);
    String method = PLUGINS.json().writeValueAsString(p.defaultConfig());
    String yaml = """
        name: every-%s
        method: %s
        backbone: {arch: resnet18, width: 8}
        data: {type: noise, imageSize: 32, size: 8, numClasses: 4}
        pipeline: {train: [{type: resize, size: [32, 32]}], test: [{type: resize, size: [32, 32]}],
                   views: [[{type: flip}], [{type: flip}]]}
        schedule: {epochs: 1, batchSize: 4, lr: 0.01, logEvery: 1}
        eval: {metrics: []}
        """.formatted(name, method);
    ExperimentSpec spec = new SpecReader(PLUGINS).parse(yaml, false, name);
    try (Session s = new Session(PLUGINS, spec)) {
      Trainer.Result r = Trainer.builder().setSession(s).setRunDir(new RunDir(dir)).optQuiet(true).build().fit();
      assertThat(r.steps()).isEqualTo(2);
      assertThat(r.lastTerms().get("loss")).isFinite();
      EvalOutputs out = new Evaluator(s, 4).collect(Split.TEST, new EvalNeeds(true, true, true, false), null);
      assertThat(out.size()).isEqualTo(8);
      if (out.logits()[0] != null) {
        assertThat(out.logits()[0]).hasSize(4);
      } else {
        assertThat(out.embeddings()[0]).isNotEmpty();
      }
      float[][] map = out.maps()[0];
      assertThat(map).hasNumberOfRows(32);
      assertThat(map[0]).hasSize(32);
      for (float[] row : map) {
        for (float v : row) {
          assertThat(v).isFinite();
        }
      }
    }
  }
}
