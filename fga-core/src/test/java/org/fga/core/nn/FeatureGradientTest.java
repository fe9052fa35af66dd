package org.fga.core.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/**
 * Reading ∂L/∂F through the detached view: the gradient equals the analytic one, and with {@link
 * FeatureGradient#reconnect} added the layers before F receive exactly the gradient of the uncut
 * graph.
 */
class FeatureGradientTest {
  @Test
  void gradientAtTheFeaturesAndTheReconnectedGradientAreExact() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.create(new float[] {1, -2, 3, 0.5f, 2, -1}, new Shape(1, 1, 2, 3));
      NDArray a = m.create(new float[] {0.3f, -1, 2, 0.7f, 1.5f, -0.2f}, new Shape(1, 1, 2, 3));
      NDArray w = m.create(new float[] {0.8f});
      w.setRequiresGradient(true);
      // uncut reference: L = Σ (w·x)² ⊙ a, dL/dw = Σ 2 (w x) x a
      double expectedDw = 0;
      float[] xs = x.toFloatArray();
      float[] as = a.toFloatArray();
      for (int i = 0; i < 6; i++) {
        expectedDw += 2 * 0.8 * xs[i] * xs[i] * as[i];
      }
      NDArray g;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray f = x.mul(w);
        FeatureGradient tap = FeatureGradient.at(f);
        NDArray loss = tap.view().mul(tap.view()).mul(a).sum();
        g = tap.gradientOf(loss, new SequentialBlock());
        NDArray total = loss.add(tap.reconnect(g));
        assertThat(total.getFloat()).isCloseTo(loss.getFloat(), within(1e-6f));
        gc.backward(total);
      }
      float[] gs = g.toFloatArray();
      for (int i = 0; i < 6; i++) {
        assertThat(gs[i]).as("dL/dF[%d]", i).isCloseTo(2 * 0.8f * xs[i] * as[i], within(1e-5f));
      }
      assertThat((double) w.getGradient().getFloat()).isCloseTo(expectedDw, within(1e-4));
    }
  }
}
