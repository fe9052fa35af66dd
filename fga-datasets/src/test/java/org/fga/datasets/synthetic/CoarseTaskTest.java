package org.fga.datasets.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.fga.core.data.Sample;
import org.fga.core.data.Split;
import org.junit.jupiter.api.Test;

/**
 * The pretraining task ({@code task: coarse}): deterministic, 64 named classes that share no name
 * and no drawing with the fine-grained task, and an object that is what the label says.
 */
class CoarseTaskTest {
  private static SyntheticConfig.Builder coarse() {
    return SyntheticConfig.builder()
        .optTask("coarse")
        .optNumClasses(64)
        .optTrainSize(300)
        .optValSize(0)
        .optTestSize(50);
  }

  @Test
  void sameSeedSplitAndIndexGiveIdenticalPixelsInAnyOrderAndThread() {
    SyntheticDataset a = new SyntheticDataset(coarse().optSeed(5).build(), Split.TRAIN);
    SyntheticDataset b = new SyntheticDataset(coarse().optSeed(5).build(), Split.TRAIN);
    float[][] parallel =
        IntStream.range(0, 30).parallel().mapToObj(i -> b.get(i).image().data()).toArray(float[][]::new);
    for (int i = 29; i >= 0; i--) {
      assertThat(a.get(i).image().data()).isEqualTo(parallel[i]);
      assertThat(a.get(i).label()).isEqualTo(b.get(i).label());
    }
    SyntheticDataset other = new SyntheticDataset(coarse().optSeed(6).build(), Split.TRAIN);
    assertThat(other.get(0).image().data()).isNotEqualTo(a.get(0).image().data());
  }

  @Test
  void classNamesAreDistinctAndDisjointFromEveryFineGrainedClass() {
    Set<String> fine = new HashSet<>();
    for (int c = 0; c < PartStyle.MAX_CLASSES; c++) {
      fine.add(SyntheticGenerator.className(c));
    }
    SyntheticDataset ds = new SyntheticDataset(coarse().build(), Split.TRAIN);
    Set<String> names = new HashSet<>(ds.info().classNames());
    assertThat(names).hasSize(64);
    assertThat(names).doesNotContainAnyElementsOf(fine);
    assertThat(ds.info().numClasses()).isEqualTo(64);
  }

  @Test
  void noPretrainingImageHoldsACreatureOrAPartAndEveryClassAppears() {
    SyntheticDataset ds = new SyntheticDataset(coarse().optNoise(0).build(), Split.TRAIN);
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < ds.size(); i++) {
      Sample s = ds.get(i);
      seen.add(s.label());
      // no discriminative part anywhere: the fine-grained classes are never drawn
      assertThat(count(s.partMask())).as("part pixels in image %d", i).isZero();
      // one large object, the one the label names
      assertThat(s.boxes()).hasSize(1);
      int area = count(s.objectMask());
      assertThat(area).as("object pixels in image %d", i).isGreaterThan(64 * 64 / 40);
    }
    assertThat(seen).hasSize(64);
  }

  @Test
  void theLabelIsTheOutlineAndColourFamilyDrawn() {
    // two images of one class: same outline and hue band; a class apart in family: another hue
    SyntheticConfig cfg = coarse().optNoise(0).optDistractors(0).build();
    SyntheticDataset ds = new SyntheticDataset(cfg, Split.TRAIN);
    for (int i = 0; i < 60; i++) {
      Sample s = ds.get(i);
      float[] mean = meanObjectColour(s);
      float hue = hueOf(mean);
      int family = CoarseObject.familyOf(s.label());
      // the family's band is [family/8, (family+1)/8); lighting and shading move it a little
      float centre = (family + 0.5f) / 8f;
      float d = Math.abs(hue - centre);
      d = Math.min(d, 1 - d);
      assertThat(d).as("hue %s of class %d (family %d), image %d", hue, s.label(), family, i).isLessThan(0.1f);
    }
  }

  @Test
  void aCoarseTaskWithMoreClassesThanItHasIsRefused() {
    assertThatThrownBy(() -> coarse().optNumClasses(65).build())
        .hasMessageContaining("data.numClasses must be in 1..64 for the coarse task");
  }

  private static int count(org.fga.core.data.Mask m) {
    int n = 0;
    for (int y = 0; y < m.height(); y++) {
      for (int x = 0; x < m.width(); x++) {
        n += m.get(y, x) != 0 ? 1 : 0;
      }
    }
    return n;
  }

  private static float[] meanObjectColour(Sample s) {
    float[] sum = new float[3];
    int n = 0;
    int h = s.image().height();
    int w = s.image().width();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (s.objectMask().get(y, x) != 0) {
          for (int c = 0; c < 3; c++) {
            sum[c] += s.image().get(c, y, x);
          }
          n++;
        }
      }
    }
    return new float[] {sum[0] / n, sum[1] / n, sum[2] / n};
  }

  private static float hueOf(float[] rgb) {
    float[] hsb = java.awt.Color.RGBtoHSB(
        Math.round(rgb[0] * 255), Math.round(rgb[1] * 255), Math.round(rgb[2] * 255), null);
    return hsb[0];
  }
}
