package org.fga.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.fga.core.data.Split;
import org.fga.core.method.Batch;
import org.fga.core.method.MethodProvider;
import org.fga.core.method.StepContext;
import org.fga.core.train.BatchLoader;
import org.fga.core.metric.EvalNeeds;
import org.fga.core.metric.EvalOutputs;
import org.fga.core.plugin.Plugins;
import org.fga.core.rundir.RunDir;
import org.fga.core.data.pipeline.ImageSize;
import org.fga.core.data.pipeline.PipelineSpec;
import org.fga.core.data.pipeline.PipelineStep;
import org.fga.core.data.pipeline.steps.FlipStep;
import org.fga.core.data.pipeline.steps.ResizeStep;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.EvalSpec;
import org.fga.core.spec.ScheduleSpec;
import org.fga.perf.NoiseData;
import org.fga.perf.StepTimer;
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

  /** Noise images resized to 32 px, then two views (a flip each). */
  static final PipelineSpec TWO_VIEWS = twoViews();

  private static PipelineSpec twoViews() {
    var resize = java.util.List.<PipelineStep>of(new ResizeStep(ImageSize.square(32), null, null));
    var flip = java.util.List.<PipelineStep>of(new FlipStep(null));
    return new PipelineSpec(resize, resize, java.util.List.of(flip, flip));
  }

  static Stream<String> methods() {
    return PLUGINS.methods().names().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("methods")
  void trainsTwoStepsThenInfersAndAttends(String name, @TempDir Path dir) throws Exception {
    MethodProvider<?> p = PLUGINS.methods().get(name);
    ExperimentSpec spec = new ExperimentSpec("every-" + name, p.defaultConfig(), StepTimer.backbone("resnet18", 8),
        new NoiseData.Config(32, 8, 4), TWO_VIEWS,
        ScheduleSpec.builder().optEpochs(1).optBatchSize(4).optLr(0.01).optLogEvery(1).build(),
        new EvalSpec(java.util.List.of(), null, null, null, null, null, null), null, null, null, null);
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
      assertFeaturesAreTheEmbeddings(s, out);
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

  /**
   * What the evaluator collects as embeddings (for retrieval, re-ID) is {@code Method.features} of
   * the test batch, the feature the linear probe also trains on, not {@code infer}'s embedding.
   */
  private static void assertFeaturesAreTheEmbeddings(Session s, EvalOutputs out) {
    try (BatchLoader loader = new BatchLoader(s.open(Split.TEST), s.spec().pipeline().testTransform(),
            s.backbone().cfg().mean(), s.backbone().cfg().std(), 4, false, s.spec().seed(), 1);
        NDManager m = s.newStepManager()) {
      Batch batch = loader.epoch(0, 0).next().toBatch(m);
      StepContext ctx = new StepContext(m, new ParameterStore(m, false), false, new Random(0), 0, 0, 0);
      NDArray f = s.method().features(ctx, batch);
      if (f == null) {
        return;
      }
      for (int i = 0; i < batch.size(); i++) {
        float[] want = f.get(i).toType(DataType.FLOAT32, false).toFloatArray();
        assertThat(out.embeddings()[i]).as("embedding %d", i).containsExactly(want, within(1e-5f));
      }
    }
  }
}
