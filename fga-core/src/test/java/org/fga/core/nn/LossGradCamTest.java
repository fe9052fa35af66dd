package org.fga.core.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The loss Grad-CAM {@code ReLU(Σ_c F ⊙ G)} element by element on a gradient that varies over
 * space (so the classic Grad-CAM, with G averaged over space first, differs), and its gradient
 * with respect to F (the map is not detached; G is a constant).
 */
class LossGradCamTest {
  @Test
  void mapIsElementWiseAndDifferentiableThroughTheFeatures() {
    int b = 2, c = 3, h = 2, w = 3;
    Random r = new Random(4);
    float[] f = new float[b * c * h * w];
    float[] g = new float[f.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) r.nextGaussian();
      g[i] = (float) r.nextGaussian();
    }
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray features = m.create(f, new Shape(b, c, h, w));
      NDArray grad = m.create(g, new Shape(b, c, h, w));
      grad.setRequiresGradient(true);
      features.setRequiresGradient(true);
      float[] map;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray out = LossGradCam.map(features, grad);
        map = out.toFloatArray();
        gc.backward(out.sum());
      }
      float[] dF = features.getGradient().toFloatArray();
      float[] dG = grad.getGradient().toFloatArray();
      for (int i = 0; i < b; i++) {
        for (int p = 0; p < h * w; p++) {
          double s = 0;
          for (int k = 0; k < c; k++) {
            int at = (i * c + k) * h * w + p;
            s += f[at] * g[at];
          }
          assertThat((double) map[i * h * w + p]).as("map %d,%d", i, p).isCloseTo(Math.max(0, s), within(1e-5));
          for (int k = 0; k < c; k++) {
            int at = (i * c + k) * h * w + p;
            assertThat((double) dF[at]).as("dF").isCloseTo(s > 0 ? g[at] : 0, within(1e-6));
            assertThat(dG[at]).as("the gradient is a constant").isZero();
          }
        }
      }
    }
  }
}
