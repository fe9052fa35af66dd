package org.fga.methods.ssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.nio.file.Path;
import java.util.List;
import org.fga.core.data.Split;
import org.fga.core.evaluate.Evaluator;
import org.fga.core.metric.EvalNeeds;
import org.fga.core.metric.EvalOutputs;
import org.fga.core.plugin.Plugins;
import org.fga.core.rundir.RunDir;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.SpecReader;
import org.fga.core.train.Session;
import org.fga.core.train.Trainer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each method trains a few steps through the real trainer on two-view synthetic batches: finite
 * losses, a target that moved towards the online network but is not it, test features of the
 * right shape.
 */
class SslTrainingTest {
  static final Plugins PLUGINS = Plugins.load();

  static String spec(String method, String views) {
    return """
        name: ssl-test
        method: %s
        backbone: {arch: resnet18, width: 8, outputStride: 8}
        data: {type: synthetic, task: classification, imageSize: 32, numClasses: 4, trainSize: 16,
               valSize: 4, testSize: 8, seed: 3}
        pipeline:
          train: []
          test: []
          %s
        schedule: {epochs: 1, batchSize: 8, optimizer: lars, lr: 0.1, weightDecay: 1.5e-6, logEvery: 1}
        eval: {metrics: []}
        """.formatted(method, views);
  }

  static final String VIEWS = "views: [[{type: randomResizedCrop, size: 32}, {type: flip}, {type: gaussianBlur, p: 1.0}],"
      + " [{type: randomResizedCrop, size: 32}, {type: flip}, {type: solarize, p: 0.2}]]";

  static String method(String name) {
    return switch (name) {
      case "byol" -> "{type: byol, hiddenSize: 32, projectionSize: 16}";
      case "lcr-byol" -> "{type: lcr-byol, hiddenSize: 32, projectionSize: 16, branchChannels: 8}";
      case "mocov2" -> "{type: mocov2, queueSize: 32, dim: 16}";
      default -> "{type: lcr-mocov2, queueSize: 32, dim: 16, branchChannels: 8}";
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"byol", "lcr-byol", "mocov2", "lcr-mocov2"})
  void trainsOnTwoViewsAndMovesTheTarget(String name, @TempDir Path dir) throws Exception {
    ExperimentSpec spec = new SpecReader(PLUGINS).parse(spec(method(name), VIEWS), false, name);
    try (Session s = new Session(PLUGINS, spec)) {
      Trainer.Result r = Trainer.builder().setSession(s).setRunDir(new RunDir(dir)).optQuiet(true).build().fit();
      assertThat(r.steps()).isEqualTo(2);
      assertThat(r.lastTerms().get("loss")).isFinite();
      if (name.startsWith("lcr")) {
        assertThat(r.lastTerms().get("fit")).isFinite().isPositive();
      }
      SslNetwork net = ((SslMethod) s.method()).network();
      List<Parameter> o = net.onlineParameters();
      List<Parameter> t = net.targetParameters();
      double diff = 0;
      for (int i = 0; i < o.size(); i++) {
        NDArray d = o.get(i).getArray().sub(t.get(i).getArray());
        diff += d.abs().sum().getFloat();
        d.close();
      }
      assertThat(diff).as("target differs from online after steps").isGreaterThan(0);
      for (Parameter p : t) {
        assertThat(p.requiresGradient()).isFalse();
      }
      EvalOutputs out = new Evaluator(s, 4).collect(Split.TEST, new EvalNeeds(false, true, true, false), null);
      assertThat(out.size()).isEqualTo(8);
      assertThat(out.embeddings()[0]).hasSize(64);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"byol", "lcr-mocov2"})
  void withoutViewsTheErrorNamesThePipelineOption(String name, @TempDir Path dir) throws Exception {
    ExperimentSpec spec = new SpecReader(PLUGINS).parse(spec(method(name), ""), false, name);
    try (Session s = new Session(PLUGINS, spec)) {
      assertThatThrownBy(() -> Trainer.builder().setSession(s).setRunDir(new RunDir(dir)).optQuiet(true).build().fit())
          .isInstanceOf(org.fga.core.error.FgaUserException.class)
          .hasMessageContaining("pipeline.views");
    }
  }

  /** Every parameter (online, target, heads, branch) and every state array, flattened, by name. */
  private static java.util.Map<String, float[]> snapshot(Session s) {
    java.util.Map<String, float[]> out = new java.util.LinkedHashMap<>();
    for (var p : s.method().block().getParameters()) {
      out.put(p.getKey(), p.getValue().getArray().toFloatArray());
    }
    s.method().state().forEach((k, v) -> out.put("state." + k, v.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray()));
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"lcr-byol", "lcr-mocov2"})
  void aResumedRunEndsWhereAnUninterruptedOneDoes(String name, @TempDir Path dir) throws Exception {
    String twoEpochs = spec(method(name), VIEWS).replace("epochs: 1,", "epochs: 2,");
    SpecReader reader = new SpecReader(PLUGINS);
    java.util.Map<String, float[]> straight;
    try (Session s = new Session(PLUGINS, reader.parse(twoEpochs, false, name))) {
      Trainer.builder().setSession(s).setRunDir(new RunDir(dir.resolve("a"))).optQuiet(true).build().fit();
      straight = snapshot(s);
    }
    // the interrupted run: epoch 1 is checkpointed, then the process dies in epoch 2
    try (Session s = new Session(PLUGINS, reader.parse(twoEpochs, false, name))) {
      Trainer.builder().setSession(s).setRunDir(new RunDir(dir.resolve("b"))).optQuiet(true).build().fit();
    }
    java.nio.file.Files.delete(dir.resolve("b/checkpoints/epoch-0002.ckpt"));
    try (Session s = new Session(PLUGINS, reader.parse(twoEpochs, false, name))) {
      Trainer.Result r = Trainer.builder().setSession(s).setRunDir(new RunDir(dir.resolve("b"))).optQuiet(true).build().fit();
      assertThat(r.steps()).isEqualTo(4);
      java.util.Map<String, float[]> resumed = snapshot(s);
      assertThat(resumed.keySet()).isEqualTo(straight.keySet());
      for (String k : straight.keySet()) {
        assertThat(resumed.get(k)).as(k).containsExactly(straight.get(k), org.assertj.core.data.Offset.offset(1e-5f));
      }
    }
  }
}
