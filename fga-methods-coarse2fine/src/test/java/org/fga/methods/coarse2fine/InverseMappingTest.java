package org.fga.methods.coarse2fine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/**
 * The inverse mapping's geometry at its initial parameters (mix 1/M, slope 4, offset −1): the box
 * centre is the attention's centre of mass in normalised image coordinates (x along the width),
 * the half-extent follows the spread.
 */
class InverseMappingTest {
  private static final int H = 4;
  private static final int W = 6;

  private static float[] box(NDManager m, float[] maps) {
    InverseMapping g = new InverseMapping(2, 0.25);
    g.initialize(m, DataType.FLOAT32, new Shape(1, 2, H, W));
    NDArray att = m.create(maps, new Shape(1, 2, H, W));
    return g.forward(new ParameterStore(m, false), new NDList(att), false).get(0).toFloatArray();
  }

  private static double half(double sigma) {
    return 0.25 + 0.75 / (1 + Math.exp(-(4 * sigma - 1)));
  }

  @Test
  void aPeakMapsToItsCellCentreWithTheSmallestSpread() {
    try (NDManager m = NDManager.newBaseManager()) {
      float[] maps = new float[2 * H * W];
      maps[1 * W + 4] = 60; // map 0, row 1, column 4; mixed by 1/2 → a logit of 30, p ≈ 1 there
      float[] b = box(m, maps);
      assertThat((double) b[0]).as("cx").isCloseTo((2 * 4 + 1) / 6.0 - 1, within(1e-4));
      assertThat((double) b[1]).as("cy").isCloseTo((2 * 1 + 1) / 4.0 - 1, within(1e-4));
      assertThat((double) b[2]).as("hx").isCloseTo(half(0.001), within(1e-3));
      assertThat((double) b[3]).as("hy").isCloseTo(half(0.001), within(1e-3));
    }
  }

  @Test
  void uniformAttentionGivesTheCentredBoxOfTheUniformSpread() {
    try (NDManager m = NDManager.newBaseManager()) {
      float[] b = box(m, new float[2 * H * W]);
      double sx = 0;
      for (int j = 0; j < W; j++) {
        double x = (2.0 * j + 1) / W - 1;
        sx += x * x / W;
      }
      double sy = 0;
      for (int i = 0; i < H; i++) {
        double y = (2.0 * i + 1) / H - 1;
        sy += y * y / H;
      }
      assertThat((double) b[0]).isCloseTo(0, within(1e-5));
      assertThat((double) b[1]).isCloseTo(0, within(1e-5));
      assertThat((double) b[2]).isCloseTo(half(Math.sqrt(sx + 1e-6)), within(1e-5));
      assertThat((double) b[3]).isCloseTo(half(Math.sqrt(sy + 1e-6)), within(1e-5));
    }
  }
}
