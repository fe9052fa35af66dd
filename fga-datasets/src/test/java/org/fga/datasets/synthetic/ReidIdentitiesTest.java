package org.fga.datasets.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fga.core.data.Split;
import org.junit.jupiter.api.Test;

class ReidIdentitiesTest {
  private static final int SIZE = 64;

  /** 64 training and 32 test identities, as few as 4 body colours, no noise. */
  private static SyntheticConfig config(int bodyColours, long seed) {
    return SyntheticConfig.builder()
        .optTask("reid")
        .optIdentities(64)
        .optTestIdentities(32)
        .optCameras(3)
        .optTrainSize(64)
        .optTestSize(64)
        .optNoise(0)
        .optSeed(seed)
        .optBodyColours(bodyColours)
        .build();
  }

  /**
   * The creature alone on a black canvas, facing right, untilted, unlit: what the identity is,
   * without anything a camera adds.
   */
  private static Canvas portrait(Creature c) {
    Canvas canvas = new Canvas(SIZE);
    c.paint(canvas, 1, SIZE / 2f, SIZE / 2f, 0.46f * SIZE, 0, false);
    return canvas;
  }

  /** Median chromaticity (r, g over r + g + b) of the creature's pixels outside its wing patch. */
  private static double[] bodyChromaticity(Canvas canvas) {
    int plane = SIZE * SIZE;
    List<Double> r = new ArrayList<>();
    List<Double> g = new ArrayList<>();
    for (int p = 0; p < plane; p++) {
      if (canvas.object[p] != 0 && canvas.part[p] == 0) {
        double sum = canvas.rgb[p] + canvas.rgb[plane + p] + canvas.rgb[2 * plane + p];
        r.add(canvas.rgb[p] / sum);
        g.add(canvas.rgb[plane + p] / sum);
      }
    }
    return new double[] {median(r), median(g)};
  }

  private static double median(List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    s.sort(null);
    return s.get(s.size() / 2);
  }

  private static int paletteIndex(Creature c) {
    for (int i = 0; i < BodyPalette.MAX; i++) {
      if (Arrays.equals(c.body(), BodyPalette.colour(i))) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void identitiesOfOnePaletteColourShareTheirBodyColourInPixels() {
    ReidIdentities ids = new ReidIdentities(config(4, 0));
    double[][] chroma = new double[96][];
    int[] colour = new int[96];
    Set<Integer> used = new HashSet<>();
    for (int i = 0; i < 96; i++) {
      Creature c = ids.of(i + 1).creature();
      colour[i] = paletteIndex(c);
      used.add(colour[i]);
      chroma[i] = bodyChromaticity(portrait(c));
    }
    assertThat(used).containsExactlyInAnyOrder(0, 1, 2, 3);
    for (int i = 0; i < 96; i++) {
      for (int j = i + 1; j < 96; j++) {
        double d =
            Math.max(
                Math.abs(chroma[i][0] - chroma[j][0]), Math.abs(chroma[i][1] - chroma[j][1]));
        if (colour[i] == colour[j]) {
          assertThat(d).as("identities %d and %d, one colour", i + 1, j + 1).isLessThan(1e-4);
        } else {
          assertThat(d).as("identities %d and %d, two colours", i + 1, j + 1).isGreaterThan(0.03);
        }
      }
    }
  }

  /**
   * Painted with the same proportions, any two identities still differ in visible pixels: the
   * look (body colour, patch, marking) alone tells them apart, not only slight proportions. With
   * one colour there are 1 x 8 x 10 = 80 looks, so identity 81 repeats identity 1's look.
   */
  @Test
  void anyTwoIdentitiesDifferInARenderedDetail() {
    for (int colours : new int[] {1, 4}) {
      ReidIdentities ids = new ReidIdentities(config(colours, 0));
      int looks = colours * 8 * Marking.COUNT;
      List<float[]> pixels = new ArrayList<>();
      for (int i = 1; i <= Math.min(96, looks); i++) {
        Creature c = ids.of(i).creature();
        Creature sameShape = new Creature(c.part(), c.body(), 0.585f, 0.9f, 0.175f, c.marking());
        pixels.add(portrait(sameShape).rgb);
      }
      for (int i = 0; i < pixels.size(); i++) {
        for (int j = i + 1; j < pixels.size(); j++) {
          assertThat(differingPixels(pixels.get(i), pixels.get(j)))
              .as("%d body colours: identities %d and %d", colours, i + 1, j + 1)
              .isGreaterThanOrEqualTo(10);
        }
      }
      if (looks < 96) {
        Creature first = ids.of(1).creature();
        Creature repeat = ids.of(looks + 1).creature();
        assertThat(repeat.marking()).isEqualTo(first.marking());
        assertThat(repeat.part()).isEqualTo(first.part());
      }
    }
  }

  /** Every marking is a small detail: visible (10+ pixels at 64 px), far smaller than the body. */
  @Test
  void everyMarkingIsSmallButVisible() {
    Creature plain =
        new Creature(
            PartStyle.ofClass(0), BodyPalette.colour(0), 0.585f, 0.9f, 0.175f, Marking.NONE);
    float[] none = portrait(plain).rgb;
    for (int m = 1; m < Marking.COUNT; m++) {
      Creature marked =
          new Creature(plain.part(), plain.body(), 0.585f, 0.9f, 0.175f, Marking.ofIndex(m));
      assertThat(differingPixels(none, portrait(marked).rgb))
          .as("marking %s", Marking.ofIndex(m))
          .isBetween(10, 60);
    }
  }

  private static int differingPixels(float[] a, float[] b) {
    int plane = SIZE * SIZE;
    int count = 0;
    for (int p = 0; p < plane; p++) {
      float d = 0;
      for (int c = 0; c < 3; c++) {
        d = Math.max(d, Math.abs(a[c * plane + p] - b[c * plane + p]));
      }
      count += d > 0.03f ? 1 : 0;
    }
    return count;
  }

  /**
   * The creature depends on the identity alone: every camera's query image shows the same patch
   * class, with its patch visible, and the identity's creature (patch, marking, body colour,
   * proportions) is rebuilt the same from the identity number; only the camera's view changes.
   */
  @Test
  void oneIdentityIsTheSameCreatureUnderEveryCamera() {
    SyntheticConfig cfg = config(4, 0);
    SyntheticGenerator gen = new SyntheticGenerator(cfg);
    SyntheticDataset query = new SyntheticDataset(cfg, Split.QUERY);
    ReidIdentities ids = new ReidIdentities(cfg);
    for (int t = 0; t < cfg.testIdentities(); t++) {
      int identity = cfg.identities() + 1 + t;
      Creature c = ids.of(identity).creature();
      int[] partClass = null;
      for (int cam = 0; cam < cfg.cameras(); cam++) {
        SyntheticScene s = query.scene(t * cfg.cameras() + cam);
        assertThat(s.identity()).isEqualTo(identity);
        assertThat(s.camera()).isEqualTo(cam + 1);
        partClass = partClass == null ? s.classes() : partClass;
        assertThat(s.classes()).isEqualTo(partClass);
        int patch = 0;
        for (byte b : s.parts().data()) {
          patch += b;
        }
        assertThat(patch).as("identity %d, camera %d: patch", identity, cam + 1).isGreaterThan(20);
      }
      Creature again = new ReidIdentities(cfg).of(identity).creature();
      assertThat(again.part()).isEqualTo(c.part());
      assertThat(again.marking()).isEqualTo(c.marking());
      assertThat(again.body()).isEqualTo(c.body());
      assertThat(new float[] {again.aspect(), again.tail(), again.head()})
          .isEqualTo(new float[] {c.aspect(), c.tail(), c.head()});
    }
    assertThat(gen.renderReid(Split.QUERY, 0, 70, 1).image().data())
        .isNotEqualTo(gen.renderReid(Split.QUERY, 0, 70, 2).image().data());
  }

  @Test
  void looksAreDeterministicPerSeedAndDifferBetweenSeeds() {
    SyntheticDataset a = new SyntheticDataset(config(4, 5), Split.GALLERY);
    SyntheticDataset b = new SyntheticDataset(config(4, 5), Split.GALLERY);
    for (int i = 0; i < 20; i++) {
      assertThat(a.get(i).image().data()).isEqualTo(b.get(i).image().data());
    }
    List<String> looks5 = looks(new ReidIdentities(config(4, 5)));
    assertThat(looks(new ReidIdentities(config(4, 5)))).isEqualTo(looks5);
    assertThat(looks(new ReidIdentities(config(4, 6)))).isNotEqualTo(looks5);
  }

  private static List<String> looks(ReidIdentities ids) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= 96; i++) {
      Creature c = ids.of(i).creature();
      out.add(paletteIndex(c) + "/" + c.part() + "/" + c.marking());
    }
    return out;
  }

  /** With 0 body colours, identities are the old continuous-hue creatures with no marking. */
  @Test
  void zeroBodyColoursGivesTheOldContinuousHueIdentities() {
    ReidIdentities ids = new ReidIdentities(config(0, 0));
    Set<Integer> hues = new HashSet<>();
    for (int i = 1; i <= 96; i++) {
      Creature c = ids.of(i).creature();
      assertThat(c.marking()).isEqualTo(Marking.NONE);
      assertThat(paletteIndex(c)).isEqualTo(-1);
      hues.add(Arrays.hashCode(c.body()));
    }
    assertThat(hues).hasSize(96);
  }
}
