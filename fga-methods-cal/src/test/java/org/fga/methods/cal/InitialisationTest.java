package org.fga.methods.cal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** The new layers start as the reference's: PyTorch's default U(±1/√fan_in). */
class InitialisationTest {
  private static void assertUniform(float[] w, double bound) {
    double sq = 0;
    float max = 0;
    for (float v : w) {
      sq += v * v;
      max = Math.max(max, Math.abs(v));
    }
    assertThat((double) max).isLessThanOrEqualTo(bound).isGreaterThan(0.9 * bound);
    assertThat(Math.sqrt(sq / w.length)).isCloseTo(bound / Math.sqrt(3), within(0.1 * bound));
  }

  @Test
  void attentionConvAndClassifierUseTorchsDefault() {
    try (NDManager m = NDManager.newBaseManager()) {
      int maps = 32;
      int classes = 10;
      BapNetwork net = new BapNetwork(ReferenceFixture.oneConvBackbone().block(), 0, ReferenceFixture.CHANNELS,
          maps, classes, 100);
      Engine.getInstance().setRandomSeed(4);
      net.initialize(m, DataType.FLOAT32, new Shape(1, 3, 16, 16));
      var params = net.getParameters();
      float[] conv = params.get("02attention_01Conv2d_weight").getArray().toFloatArray();
      float[] fc = params.get("03fc_weight").getArray().toFloatArray();
      assertUniform(conv, 1 / Math.sqrt(ReferenceFixture.CHANNELS));
      assertUniform(fc, 1 / Math.sqrt((double) maps * ReferenceFixture.CHANNELS));
    }
  }
}
