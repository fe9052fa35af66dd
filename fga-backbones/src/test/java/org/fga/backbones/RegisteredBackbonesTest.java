package org.fga.backbones;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fga.core.backbone.Backbone;
import org.fga.core.backbone.BackboneCfg;
import org.fga.core.backbone.BackboneProvider;
import org.fga.core.backbone.BackboneSpec;
import org.fga.core.backbone.FeatureTap;
import org.fga.core.plugin.Plugins;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every registered backbone, at a tiny width, runs forward and backward and matches its cfg. */
class RegisteredBackbonesTest {
  private static final int SIZE = 32;
  private static final int TINY_WIDTH = 8;

  static Stream<String> backbones() {
    return Plugins.load().backbones().names().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backbones")
  void forwardAndBackwardAtTinyWidthMatchTheCfg(String name) {
    BackboneProvider provider = Plugins.load().backbones().get(name);
    Backbone backbone = provider.create(BackboneSpec.of(name).withWidth(TINY_WIDTH));
    BackboneCfg cfg = backbone.cfg();
    assertThat(cfg.arch()).isEqualTo(name);
    assertThat(cfg.mean()).hasSize(3);
    assertThat(cfg.std()).hasSize(3);
    assertThat(backbone.taps()).isEqualTo(cfg.stages()).isNotEmpty();
    try (NDManager m = NDManager.newBaseManager()) {
      Block block = backbone.block();
      block.initialize(m, DataType.FLOAT32, new Shape(2, 3, SIZE, SIZE));
      backbone.loadPretrained(); // no weights in the spec: nothing to do
      NDArray x = m.randomNormal(new Shape(2, 3, SIZE, SIZE));
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDList out = block.forward(new ParameterStore(m, false), new NDList(x), true);
        assertThat(out).hasSize(cfg.stages().size());
        NDArray loss = null;
        for (int i = 0; i < out.size(); i++) {
          FeatureTap tap = cfg.stages().get(i);
          long side = Math.max(1, SIZE / tap.stride());
          assertThat(out.get(i).getShape())
              .as(tap.name())
              .isEqualTo(new Shape(2, tap.channels(), side, side));
          NDArray term = out.get(i).mean();
          loss = loss == null ? term : loss.add(term);
        }
        gc.backward(loss);
      }
      Map<String, Parameter> params =
          ((TorchBackbone) backbone).namedParameters();
      List<Parameter> trainable =
          params.values().stream().filter(Parameter::requiresGradient).toList();
      assertThat(trainable).isNotEmpty();
      // The first convolution's weight gets a non-zero gradient through every stage.
      Parameter first = params.values().iterator().next();
      assertThat(first.getArray().getGradient().abs().sum().getFloat()).isGreaterThan(0f);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backbones")
  void aLastStageRequestGivesTheSameLastStageAndReleasesTheOthers(String name) {
    Backbone backbone =
        Plugins.load().backbones().get(name).create(BackboneSpec.of(name).withWidth(TINY_WIDTH));
    try (NDManager m = NDManager.newBaseManager()) {
      Block block = backbone.block();
      block.initialize(m, DataType.FLOAT32, new Shape(2, 3, SIZE, SIZE));
      NDArray x = m.randomNormal(new Shape(2, 3, SIZE, SIZE));
      ParameterStore ps = new ParameterStore(m, false);
      NDList all = block.forward(ps, new NDList(x), false);
      NDList last =
          block.forward(ps, new NDList(x), false, org.fga.core.backbone.StageRequest.lastOnly(null));
      int n = all.size();
      assertThat(last).hasSize(n);
      assertThat(last.get(n - 1).toFloatArray()).containsExactly(all.get(n - 1).toFloatArray());
      for (int i = 0; i < n - 1; i++) {
        assertThat(last.get(i).isReleased()).as("stage %d released", i).isTrue();
        assertThat(all.get(i).isReleased()).as("stage %d kept without the request", i).isFalse();
      }
    }
  }
}
