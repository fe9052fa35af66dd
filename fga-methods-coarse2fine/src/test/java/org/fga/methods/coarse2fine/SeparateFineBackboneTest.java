package org.fga.methods.coarse2fine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.fga.backbones.weights.WeightExporter;
import org.fga.core.backbone.Backbone;
import org.fga.core.backbone.BackboneSpec;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.Task;
import org.fga.core.method.Batch;
import org.fga.core.method.StepContext;
import org.fga.core.plugin.Plugins;
import org.fga.core.rundir.RunDir;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.SpecReader;
import org.fga.core.train.Session;
import org.fga.core.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shareBackbone: false}: the fine stage runs its own copy of the backbone (same spec, its own
 * parameters, loaded from the same weights file), which learns at the backbone's rate and is
 * trained by the fine loss.
 */
class SeparateFineBackboneTest {
  private static final int SIZE = 32;

  private static List<float[]> values(Block b) {
    return b.getParameters().values().stream().map(p -> p.getArray().toFloatArray()).toList();
  }

  /** The trainable ones (not BatchNorm's running statistics, which every training forward moves). */
  private static List<float[]> trainable(Block b) {
    return b.getParameters().values().stream().filter(p -> p.requiresGradient())
        .map(p -> p.getArray().toFloatArray()).toList();
  }

  @Test
  void theFineStageHasItsOwnPretrainedCopy(@TempDir Path dir) throws Exception {
    Plugins plugins = Plugins.load();
    BackboneSpec spec = new BackboneSpec("resnet18", null, null, 8, 4, null);
    DatasetInfo info = new DatasetInfo("toy", Task.CLASSIFICATION, 3, List.of("a", "b", "c"));
    Path weights = dir.resolve("w.safetensors");
    try (NDManager m = NDManager.newBaseManager()) {
      Backbone source = plugins.backbones().get("resnet18").create(spec);
      Engine.getInstance().setRandomSeed(3);
      source.block().initialize(m, DataType.FLOAT32, new Shape(1, 3, SIZE, SIZE));
      WeightExporter.save(source.block(), weights);

      Backbone bb = plugins.backbones().get("resnet18")
          .create(new BackboneSpec("resnet18", weights.toString(), null, 8, 4, null));
      Coarse2FineConfig c = new Coarse2FineConfig(null, 4, null, null, 1, 0.0, null, null, null, false, null);
      Coarse2FineMethod method = (Coarse2FineMethod) plugins.methods().get("coarse2fine").createFrom(c, bb, info);
      Coarse2FineNetwork net = method.network();
      assertThat(net.sharesBackbone()).isFalse();
      assertThat(method.backboneBlocks()).containsExactly(bb.block(), net.fineBackbone());
      Engine.getInstance().setRandomSeed(7);
      method.block().initialize(m, DataType.FLOAT32, new Shape(1, 3, SIZE, SIZE));
      bb.loadPretrained(); // what the session does after initialising the block
      List<float[]> want = values(source.block());
      List<float[]> coarse = values(bb.block());
      List<float[]> fine = values(net.fineBackbone());
      assertThat(fine).hasSameSizeAs(want);
      for (int i = 0; i < want.size(); i++) {
        assertThat(coarse.get(i)).containsExactly(want.get(i));
        assertThat(fine.get(i)).containsExactly(want.get(i));
      }
      // the two copies are distinct parameters: the fine loss alone gives the fine copy gradients
      try (NDManager s = m.newSubManager()) {
        NDArray images = s.randomNormal(new Shape(2, 3, SIZE, SIZE));
        Batch batch = new Batch(images, s.create(new long[] {0, 1}), null, null, null, new int[2], List.of());
        StepContext ctx = new StepContext(s, new ParameterStore(s, false), true, new Random(1), 1, 10, 20);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          gc.backward(method.trainStep(ctx, batch).total());
        }
        NDArray stem = net.fineBackbone().getParameters().values().get(0).getArray();
        assertThat(Coarse2FineMethodTest.gradient(stem).abs().sum().getFloat()).isPositive();
        assertThat(stem).isNotSameAs(bb.block().getParameters().values().get(0).getArray());
      }
    }
  }

  /** The trainer puts the fine copy in the backbone's group: at {@code backboneLrMult: 0} it stays put. */
  @Test
  void theFineCopyLearnsAtTheBackboneRate(@TempDir Path dir) {
    Plugins plugins = Plugins.load();
    String yaml = """
        name: c2f-twin-rate
        method: {type: coarse2fine, attentionMaps: 4, stage1Epochs: 0, shareBackbone: false}
        backbone: {arch: resnet18, width: 4, outputStride: 8}
        data: {type: synthetic, imageSize: 32, numClasses: 3, trainSize: 8, valSize: 8, testSize: 8}
        schedule: {epochs: 1, batchSize: 4, lr: 0.05, momentum: 0.9, backboneLrMult: 0}
        eval: {metrics: []}
        """;
    ExperimentSpec spec = new SpecReader(plugins).parse(yaml, false, "c2f-twin-rate");
    try (Session s = new Session(plugins, spec)) {
      Coarse2FineNetwork net = ((Coarse2FineMethod) s.method()).network();
      List<float[]> fine0 = trainable(net.fineBackbone());
      List<float[]> head0 = values(net.fineFc());
      Trainer.builder().setSession(s).setRunDir(new RunDir(dir)).optQuiet(true).build().fit();
      List<float[]> fine1 = trainable(net.fineBackbone());
      for (int i = 0; i < fine0.size(); i++) {
        assertThat(fine1.get(i)).as("fine backbone parameter %d", i).containsExactly(fine0.get(i));
      }
      assertThat(values(net.fineFc()).get(0)).isNotEqualTo(head0.get(0));
    }
  }
}
