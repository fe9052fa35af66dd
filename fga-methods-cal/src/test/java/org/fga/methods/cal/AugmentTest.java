package org.fga.methods.cal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmentTest {
  @Test
  void alignCornersUpsamplingHitsTheSourceSamplesAtTheEnds() {
    // 2 → 3 along each axis: corners copied, the middle is the mean of its neighbours
    float[] up = Bilinear.resize(new float[] {0, 2, 4, 6}, 2, 2, 3, 3);
    assertThat(up).containsExactly(0, 1, 2, 2, 3, 4, 4, 5, 6);
  }

  @Test
  void resizeEqualsTheProductOfTheInterpolationMatrices() {
    int h = 3, w = 5, outH = 7, outW = 11;
    Random r = new Random(4);
    float[] map = new float[h * w];
    for (int i = 0; i < map.length; i++) {
      map[i] = r.nextFloat();
    }
    float[] ry = Bilinear.matrix(outH, h, 0, h);
    float[] rx = Bilinear.matrix(outW, w, 0, w);
    float[] got = Bilinear.resize(map, h, w, outH, outW);
    for (int i = 0; i < outH; i++) {
      for (int j = 0; j < outW; j++) {
        double s = 0;
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            s += ry[i * h + y] * map[y * w + x] * rx[j * w + x];
          }
        }
        assertThat((double) got[i * outW + j]).isCloseTo(s, within(1e-5));
      }
    }
  }

  @Test
  void matrixRowsSumToOneAndReadOnlyTheWindow() {
    float[] r = Bilinear.matrix(7, 10, 3, 4);
    for (int i = 0; i < 7; i++) {
      double s = 0;
      for (int j = 0; j < 10; j++) {
        if (j < 3 || j >= 7) {
          assertThat(r[i * 10 + j]).isZero();
        }
        s += r[i * 10 + j];
      }
      assertThat(s).isCloseTo(1.0, within(1e-6));
    }
    assertThat(r[3]).isEqualTo(1f); // first output = first window sample
    assertThat(r[6 * 10 + 6]).isEqualTo(1f); // last output = last window sample
  }

  /** A 4×4 map with one hot cell at row 1, column 2, seen at 8×8 pixels. */
  private static float[] peakMap() {
    float[] map = new float[16];
    map[1 * 4 + 2] = 1f;
    return map;
  }

  @Test
  void cropBoxFromAHandMadeMap() {
    float[] up = Bilinear.resize(peakMap(), 4, 4, 8, 8);
    // align corners: source row 1 sits at output 7/3 ≈ 2.33, so rows 1..3 get weight > 0;
    // ≥ 0.5: rows whose distance to 2.33 is ≤ 7/6 → rows 2, 3; columns: source 2 at 4.67 → 4, 5
    CropBox box = CropBox.of(up, 8, 8, 0.5, 0.0);
    assertThat(box).isEqualTo(new CropBox(2, 3, 4, 5)); // reference: last index is the exclusive end
    // 10 % padding of 8 px = 0.8 px, truncated towards zero: 2 − 0.8 → 1, 3 + 0.8 → 3
    assertThat(CropBox.of(up, 8, 8, 0.5, 0.1)).isEqualTo(new CropBox(1, 3, 3, 5));
    // 25 %: 2 px each side, clamped to the image
    assertThat(CropBox.of(up, 8, 8, 0.5, 0.25)).isEqualTo(new CropBox(0, 5, 2, 7));
  }

  @Test
  void dropMaskZeroesWhereTheMapReachesTheThreshold() {
    float[] keep = AttentionAugment.dropMasks(
        new float[][] {peakMap()}, 4, 4, 8, 8, () -> 0.5);
    float[] up = Bilinear.resize(peakMap(), 4, 4, 8, 8);
    int dropped = 0;
    for (int p = 0; p < 64; p++) {
      assertThat(keep[p]).isEqualTo(up[p] < 0.5f ? 1f : 0f);
      dropped += keep[p] == 0 ? 1 : 0;
    }
    assertThat(dropped).isEqualTo(4); // rows 2–3 × columns 4–5
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray img = m.ones(new Shape(1, 3, 8, 8));
      float[] out = AttentionAugment.drop(img, keep).toFloatArray();
      assertThat(out[2 * 8 + 4]).isZero();
      assertThat(out[64 + 3 * 8 + 5]).isZero();
      assertThat(out[0]).isEqualTo(1f);
    }
  }

  @Test
  void cropResizesTheWindowBackToFullSize() {
    try (NDManager m = NDManager.newBaseManager()) {
      // image value = 10·row + column, so bilinear interpolation of it is exact
      float[] v = new float[2 * 8 * 8];
      for (int c = 0; c < 2; c++) {
        for (int y = 0; y < 8; y++) {
          for (int x = 0; x < 8; x++) {
            v[c * 64 + y * 8 + x] = 10 * y + x + 100 * c;
          }
        }
      }
      NDArray img = m.create(v, new Shape(1, 2, 8, 8));
      float[] out = AttentionAugment.crop(img, new CropBox[] {new CropBox(2, 6, 1, 8)}).toFloatArray();
      for (int c = 0; c < 2; c++) {
        for (int y = 0; y < 8; y++) {
          for (int x = 0; x < 8; x++) {
            double sy = 2 + y * 3.0 / 7; // rows 2..5, 4 samples → 8 outputs
            double sx = 1 + x * 6.0 / 7; // columns 1..7
            assertThat((double) out[c * 64 + y * 8 + x]).isCloseTo(10 * sy + sx + 100 * c, within(1e-4));
          }
        }
      }
      // the whole image as window is the identity
      float[] same = AttentionAugment.crop(img, new CropBox[] {new CropBox(0, 8, 0, 8)}).toFloatArray();
      assertThat(same).containsExactly(v, org.assertj.core.data.Offset.offset(1e-5f));
    }
  }

  @Test
  void mapsAreChosenInProportionToTheRootOfTheirMass() {
    float[] sums = {0f, 1f, 9f}; // weights ≈ 0.001, 1, 3
    int[] counts = new int[3];
    int[][] chosen = AttentionAugment.chooseMaps(repeat(sums, 4000), 4000, 3, 2, new Random(3));
    for (int[] c : chosen) {
      counts[c[0]]++;
      counts[c[1]]++;
    }
    assertThat(counts[0]).isLessThan(20);
    assertThat(counts[2] / (double) counts[1]).isCloseTo(3.0, within(0.2));
  }

  private static float[] repeat(float[] row, int times) {
    float[] out = new float[row.length * times];
    for (int i = 0; i < times; i++) {
      System.arraycopy(row, 0, out, i * row.length, row.length);
    }
    return out;
  }
}
