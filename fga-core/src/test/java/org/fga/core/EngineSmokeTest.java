package org.fga.core;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class EngineSmokeTest {
  @Test
  void pytorchEngineLoadsFromJarsAndInPlaceUpdateWorksOutsideCollector() {
    assertThat(System.getenv("DJL_OFFLINE")).isEqualTo("true");
    assertThat(Engine.getInstance().getEngineName()).isEqualTo("PyTorch");
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w = m.create(new float[] {1, 2, 3});
      w.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray loss = w.mul(w).sum();
        gc.backward(loss);
      }
      NDArray g = w.getGradient();
      assertThat(g.toFloatArray()).containsExactly(2f, 4f, 6f);
      w.subi(g.mul(0.5f));
      assertThat(w.toFloatArray()).containsExactly(0f, 0f, 0f);
    }
  }
}
