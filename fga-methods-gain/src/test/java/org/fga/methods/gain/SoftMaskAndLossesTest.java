package org.fga.methods.gain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class SoftMaskAndLossesTest {
  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  @Test
  void upsamplingIsBilinearWithHalfPixelCentres() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.create(new float[] {0, 1, 2, 3}, new Shape(1, 2, 2));
      float[] up = SoftMask.upsample(a, 4, 4, false).toFloatArray();
      // Source coordinates (x + 0.5)/2 − 0.5, clamped: 0, 0.25, 0.75, 1 along both axes.
      float[] want = {
        0f, 0.25f, 0.75f, 1f,
        0.5f, 0.75f, 1.25f, 1.5f,
        1.5f, 1.75f, 2.25f, 2.5f,
        2f, 2.25f, 2.75f, 3f
      };
      assertThat(up).containsExactly(want, org.assertj.core.data.Offset.offset(1e-6f));
    }
  }

  @Test
  void upsamplingWithAlignedCornersIsTheReferencesUpsampleBilinear() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.create(new float[] {0, 1, 2, 3}, new Shape(1, 2, 2));
      float[] up = SoftMask.upsample(a, 4, 4, true).toFloatArray();
      // F.upsample_bilinear: source coordinate x·(2 − 1)/(4 − 1) = 0, 1/3, 2/3, 1
      float third = 1f / 3;
      float[] want = new float[16];
      for (int y = 0; y < 4; y++) {
        for (int x = 0; x < 4; x++) {
          want[y * 4 + x] = x * third + 2 * y * third;
        }
      }
      assertThat(up).containsExactly(want, org.assertj.core.data.Offset.offset(1e-6f));
    }
  }

  @Test
  void normalisedMapSpansZeroToOneAndAZeroMapStaysZero() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.create(new float[] {1, 2, 3, 5, 0, 0, 0, 0}, new Shape(2, 2, 2));
      float[] n = SoftMask.normalizedAtImage(a, 4, 4, true).toFloatArray();
      float lo = Float.MAX_VALUE;
      float hi = -Float.MAX_VALUE;
      for (int i = 0; i < 16; i++) {
        lo = Math.min(lo, n[i]);
        hi = Math.max(hi, n[i]);
      }
      assertThat(lo).isZero();
      assertThat(hi).isCloseTo(1f, within(1e-6f));
      for (int i = 16; i < 32; i++) {
        assertThat(n[i]).isZero();
      }
    }
  }

  @Test
  void softMaskAndErasedImageFollowTheFormulas() {
    try (NDManager m = NDManager.newBaseManager()) {
      float[] a = {0f, 0.4f, 0.5f, 0.9f};
      NDArray t = SoftMask.mask(m.create(a, new Shape(1, 2, 2)), 0.5, 10);
      float[] tv = t.toFloatArray();
      for (int i = 0; i < 4; i++) {
        assertThat((double) tv[i]).isCloseTo(sigmoid(10 * (a[i] - 0.5)), within(1e-6));
      }
      float[] img = new float[12];
      for (int i = 0; i < 12; i++) {
        img[i] = i - 5.5f;
      }
      float[] erased = SoftMask.erase(m.create(img, new Shape(1, 3, 2, 2)), t).toFloatArray();
      for (int c = 0; c < 3; c++) {
        for (int p = 0; p < 4; p++) {
          float v = img[c * 4 + p];
          assertThat(erased[c * 4 + p]).isCloseTo(v - tv[p] * v, within(1e-6f));
        }
      }
    }
  }

  @Test
  void attentionMiningIsTheMeanGroundTruthProbabilityForSingleLabels() {
    try (NDManager m = NDManager.newBaseManager()) {
      float[] logits = {1f, 2f, 0f, -1f, 0.5f, 3f};
      NDArray l = m.create(logits, new Shape(2, 3));
      NDArray loss =
          GainLosses.attentionMining(l, m.create(new long[] {1, 2}), m.create(new float[] {0.5f, 0.5f}), AmScore.SOFTMAX);
      double p0 = Math.exp(2) / (Math.exp(1) + Math.exp(2) + Math.exp(0));
      double p1 = Math.exp(3) / (Math.exp(-1) + Math.exp(0.5) + Math.exp(3));
      assertThat((double) loss.getFloat()).isCloseTo((p0 + p1) / 2, within(1e-6));
    }
  }

  @Test
  void attentionMiningAveragesSigmoidScoresPerImageThenOverImagesForMultiLabels() {
    try (NDManager m = NDManager.newBaseManager()) {
      // Image 0 has classes {0, 2}, image 1 has class {1}: pairs in slot order (0,0), (1,1), (0,2).
      ClassPairs pairs = ClassPairs.multiLabel(new float[] {1, 0, 1, 0, 1, 0}, 2, 3);
      assertThat(pairs.pairImages()).containsExactly(0, 1, 0);
      assertThat(pairs.pairClasses()).containsExactly(0, 1, 2);
      assertThat(pairs.weights()).containsExactly(0.25f, 0.5f, 0.25f);
      float[] logits = {0.3f, -1f, 2f, 1f, -0.2f, 0f, -2f, 0.7f, 1.5f};
      NDArray loss =
          GainLosses.attentionMining(
              m.create(logits, new Shape(3, 3)), m.create(pairs.pairClasses()), m.create(pairs.weights()), AmScore.SIGMOID);
      double image0 = (sigmoid(0.3) + sigmoid(1.5)) / 2;
      double image1 = sigmoid(-0.2);
      assertThat((double) loss.getFloat()).isCloseTo((image0 + image1) / 2, within(1e-6));
    }
  }

  @Test
  void externalLossIsTheMeanSquaredDifferenceOverValidPixelsPerMapThenOverMaps() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.create(new float[] {0.2f, 0.9f, 0f, 1f, 0.5f, 0.5f, 0.1f, 0.3f}, new Shape(2, 2, 2));
      NDArray h = m.create(new float[] {0f, 1f, 1f, 1f, 0f, 0f, 1f, 1f}, new Shape(2, 2, 2));
      NDArray all = m.ones(new Shape(2, 2, 2));
      double map0 = (0.04 + 0.01 + 1 + 0) / 4;
      double map1All = (0.25 + 0.25 + 0.81 + 0.49) / 4;
      assertThat((double) GainLosses.external(a, h, all).getFloat())
          .isCloseTo((map0 + map1All) / 2, within(1e-6));
      // void pixels (the second map's first and last) count in neither the sum nor the count
      NDArray valid = m.create(new float[] {1, 1, 1, 1, 0, 1, 1, 0}, new Shape(2, 2, 2));
      double map1 = (0.25 + 0.81) / 2;
      assertThat((double) GainLosses.external(a, h, valid).getFloat())
          .isCloseTo((map0 + map1) / 2, within(1e-6));
    }
  }

  @Test
  void seedsArePixelsAboveTwentyPercentOfTheMaximum() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray maps = m.create(new float[] {0f, 0.19f, 0.21f, 1f, 0f, 0f, 0f, 0f}, new Shape(2, 2, 2));
      assertThat(PseudoMasks.seeds(maps, 0.2).toFloatArray()).containsExactly(0, 0, 1, 1, 0, 0, 0, 0);
    }
  }

  @Test
  void aNearlyFlatMapGetsABoundedGradient() {
    try (NDManager m = NDManager.newBaseManager();
        var gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
      NDArray a = m.create(new float[] {0f, 0f, 0f, 1e-8f}, new Shape(1, 2, 2));
      a.setRequiresGradient(true);
      NDArray t = SoftMask.mask(SoftMask.normalizedAtImage(a, 8, 8, true), 0.5, 10);
      gc.backward(t.sum());
      float g = a.getGradient().abs().max().getFloat();
      assertThat(Float.isFinite(g)).isTrue();
      assertThat(g).isLessThan(64 * 10 / SoftMask.MIN_RANGE);
      // and the map stays (almost) unattended instead of being stretched to [0, 1]
      assertThat(SoftMask.normalizedAtImage(a, 8, 8, true).max().getFloat()).isLessThan(1e-3f);
    }
  }
}
