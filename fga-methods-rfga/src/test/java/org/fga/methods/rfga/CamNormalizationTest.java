package org.fga.methods.rfga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class CamNormalizationTest {

  @Test
  void percentileInterpolatesLinearlyBetweenRanksAsNumpy() {
    // np.percentile(np.arange(10), 65) = 5.85: rank 0.65·9 between 5 and 6
    float[] v = {9, 3, 0, 7, 1, 8, 2, 6, 4, 5};
    assertThat(PercentileShift.percentile(v, 65)).isCloseTo(5.85, within(1e-12));
    assertThat(PercentileShift.percentile(v, 0)).isEqualTo(0);
    assertThat(PercentileShift.percentile(v, 100)).isEqualTo(9);
    assertThat(PercentileShift.percentile(new float[] {2, 4}, 65)).isCloseTo(3.3, within(1e-6));
  }

  @Test
  void percentileShiftZeroesTheLowest65PercentAndScalesThePeakToOne() {
    float[] v = new float[20];
    for (int i = 0; i < v.length; i++) {
      v[i] = (i * 7) % 20 - 3.5f; // distinct values, shuffled
    }
    float[] n = PercentileShift.normalize(v, 65);
    int zeros = 0;
    float max = 0;
    for (float x : n) {
      assertThat(x).isBetween(0f, 1f);
      zeros += x == 0 ? 1 : 0;
      max = Math.max(max, x);
    }
    assertThat(max).isEqualTo(1f);
    assertThat(zeros).isEqualTo(13); // ranks 0..12 are at or below rank 12.35
    // the values are k − 3.5 for k = 0..19: p at rank 12.35, the max 15.5 maps to 1
    double p = PercentileShift.percentile(v, 65);
    assertThat(p).isCloseTo(12.35 - 3.5, within(1e-6));
    for (int i = 0; i < v.length; i++) {
      assertThat(n[i]).isCloseTo((float) Math.max(0, (v[i] - p) / (15.5 - p)), within(1e-6f));
    }
  }

  @Test
  void degenerateMapsBecomeZerosInsteadOfNan() {
    assertThat(PercentileShift.normalize(new float[] {2, 2, 2}, 65)).containsOnly(0f);
    assertThat(PercentileShift.normalize(new float[] {1, Float.NaN, 3}, 65)).containsOnly(0f);
    // the maximum is also the 65th percentile: the reference would divide by zero
    assertThat(PercentileShift.normalize(new float[] {0, 5, 5, 5, 5}, 65)).containsOnly(0f);
  }

  @Test
  void minMaxLeavesTheRawMapsAndPercentileResizesToTheImage() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray maps = m.randomNormal(new Shape(3, 4, 5));
      assertThat(CamNormalization.MINMAX.apply(maps, 32, 40)).isSameAs(maps);
      NDArray out = CamNormalization.PERCENTILE65.apply(maps, 32, 40);
      assertThat(out.getShape()).isEqualTo(new Shape(3, 32, 40));
      for (int i = 0; i < 3; i++) {
        // min 0 and max 1: the wsol metric's own min–max normalisation leaves it unchanged
        assertThat(out.get(i).min().getFloat()).isEqualTo(0f);
        assertThat(out.get(i).max().getFloat()).isEqualTo(1f);
        float[] one = out.get(i).toFloatArray();
        int zeros = 0;
        for (float x : one) {
          zeros += x == 0 ? 1 : 0;
        }
        assertThat(zeros).isGreaterThanOrEqualTo((int) (0.65 * 32 * 40));
      }
    }
  }

  @Test
  void specValuesParseAndAWrongOneIsNamed() {
    assertThat(CamNormalization.of(null)).isEqualTo(CamNormalization.MINMAX);
    assertThat(CamNormalization.of("percentile65")).isEqualTo(CamNormalization.PERCENTILE65);
    assertThat(RfgaConfig.defaults().camNormalization()).isEqualTo("minmax");
    assertThat(CamConfig.defaults().camNormalization()).isEqualTo("minmax");
    assertThat(new RfgaConfig(3, null, "percentile65").camNormalization()).isEqualTo("percentile65");
    assertThatThrownBy(() -> new RfgaConfig(3, null, "percentile"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("method.camNormalization")
        .hasMessageContaining("minmax")
        .hasMessageContaining("'percentile'");
  }
}
