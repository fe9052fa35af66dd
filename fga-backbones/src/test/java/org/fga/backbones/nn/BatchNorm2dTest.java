package org.fga.backbones.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Map;
import ai.djl.nn.Parameter;
import org.junit.jupiter.api.Test;

/** PyTorch's momentum convention and unbiased running variance, computed here by hand. */
class BatchNorm2dTest {
  @Test
  void runningStatisticsFollowTorchConvention() {
    try (NDManager m = NDManager.newBaseManager()) {
      BatchNorm2d bn = new BatchNorm2d(1);
      bn.initialize(m, DataType.FLOAT32, new Shape(2, 1, 1, 2));
      // One channel, four values: mean 2.5, biased variance 1.25, unbiased 5/3.
      NDArray x = m.create(new float[] {1, 2, 3, 4}, new Shape(2, 1, 1, 2));
      NDArray y = bn.forward(new ParameterStore(m, false), new NDList(x), true).head();
      Map<String, Parameter> p = TorchNames.of(bn);
      assertThat(p.keySet()).containsExactly("weight", "bias", "running_mean", "running_var");
      assertThat(p.get("running_mean").getArray().getFloat(0)).isCloseTo(0.1f * 2.5f, within(1e-6f));
      assertThat(p.get("running_var").getArray().getFloat(0))
          .isCloseTo(0.9f * 1f + 0.1f * 5f / 3f, within(1e-6f));
      // Training normalises with the biased batch variance.
      assertThat(y.getFloat(0, 0, 0, 0))
          .isCloseTo((float) ((1 - 2.5) / Math.sqrt(1.25 + 1e-5)), within(1e-5f));
      // Evaluation uses the running statistics and leaves them alone.
      NDArray z = bn.forward(new ParameterStore(m, false), new NDList(x), false).head();
      float mean = 0.25f;
      float var = 0.9f + 0.5f / 3f;
      assertThat(z.getFloat(0, 0, 0, 1)).isCloseTo((float) ((2 - mean) / Math.sqrt(var + 1e-5)), within(1e-5f));
      assertThat(p.get("running_mean").getArray().getFloat(0)).isCloseTo(mean, within(1e-6f));
    }
  }
}
