package org.fga.core.data.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.fga.core.data.Box;
import org.fga.core.data.FloatImage;
import org.fga.core.data.Keypoint;
import org.fga.core.data.Mask;
import org.fga.core.data.Sample;
import org.fga.core.data.Split;
import org.fga.core.data.synthetic.SyntheticConfig;
import org.fga.core.data.synthetic.SyntheticDataset;
import org.junit.jupiter.api.Test;

class TransformsTest {
  private static final SyntheticDataset DATA =
      new SyntheticDataset(SyntheticConfig.builder().optTrainSize(20).build(), Split.TRAIN);

  /** A 3×2×4 image whose value encodes (channel, row, column), with a box and a mask. */
  private static Sample ramp() {
    FloatImage img = FloatImage.zeros(3, 2, 4);
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < 2; y++) {
        for (int x = 0; x < 4; x++) {
          img.set(c, y, x, (c * 100 + y * 10 + x) / 1000f);
        }
      }
    }
    Mask m = Mask.zeros(2, 4);
    m.set(0, 0, 1);
    m.set(1, 1, 1);
    return new Sample("ramp", img, 0, null, List.of(new Box(0, 0, 1, 1)), null, m, null, -1, -1);
  }

  @Test
  void flipMirrorsPixelsMasksAndBoxes() {
    Sample s = HorizontalFlip.flip(ramp());
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < 2; y++) {
        for (int x = 0; x < 4; x++) {
          assertThat(s.image().get(c, y, x)).isEqualTo((c * 100 + y * 10 + (3 - x)) / 1000f);
        }
      }
    }
    assertThat(s.objectMask().get(0, 3)).isEqualTo(1);
    assertThat(s.objectMask().get(1, 2)).isEqualTo(1);
    assertThat(s.objectMask().get(0, 0)).isEqualTo(0);
    assertThat(s.boxes()).containsExactly(new Box(2, 0, 3, 1));
  }

  @Test
  void keypointsFollowResizeCropAndFlipAndTheFlipSwapsLeftAndRight() {
    // pixel-centre coordinates: a 40-wide image halved maps x to (x + 0.5) / 2 - 0.5
    Sample s =
        new Sample(
            "bird",
            FloatImage.zeros(3, 20, 40),
            0,
            null,
            null,
            List.of(
                new Keypoint("left eye", 10, 5, true),
                new Keypoint("right eye", 30, 15, true),
                new Keypoint("beak", 39, 0, true)),
            null,
            null,
            -1,
            -1);
    Sample resized = Resize.to(10, 20).apply(s, new Random(0));
    assertThat(resized.keypoints().get(0)).isEqualTo(new Keypoint("left eye", 4.75, 2.25, true));
    // the centre crop 16 x 8 of 20 x 10 starts at (2, 1); the beak falls off the top
    Sample cropped = new CenterCrop(8, 16).apply(resized, new Random(0));
    assertThat(cropped.keypoints())
        .containsExactly(
            new Keypoint("left eye", 2.75, 1.25, true),
            new Keypoint("right eye", 12.75, 6.25, true),
            new Keypoint("beak", 17.25, -1.25, false));
    // mirrored, x becomes 15 - x and the left eye is now a right eye; slots keep their names
    Sample flipped = HorizontalFlip.flip(cropped);
    assertThat(flipped.keypoints())
        .containsExactly(
            new Keypoint("left eye", 2.25, 6.25, true),
            new Keypoint("right eye", 12.25, 1.25, true),
            new Keypoint("beak", -2.25, -1.25, false));
    assertThat(Keypoint.mirroredName("Left wing")).isEqualTo("Right wing");
    assertThat(Keypoint.mirroredName("right leg")).isEqualTo("left leg");
    assertThat(Keypoint.mirroredName("leftover tail")).isEqualTo("leftover tail");
  }

  @Test
  void randomFlipFlipsAboutHalfTheTimeAndNeverWithZeroProbability() {
    Sample s = ramp();
    Random r = new Random(1);
    int flipped = 0;
    for (int i = 0; i < 1000; i++) {
      flipped += new HorizontalFlip(0.5).apply(s, r) != s ? 1 : 0;
    }
    assertThat(flipped).isBetween(430, 570);
    assertThat(new HorizontalFlip(0).apply(s, r)).isSameAs(s);
  }

  @Test
  void centreCropCopiesPixelsExactly() {
    Sample s = DATA.get(0);
    Sample c = new CenterCrop(32, 32).apply(s, new Random(0));
    assertThat(c.image().get(1, 0, 0)).isEqualTo(s.image().get(1, 16, 16));
    assertThat(c.image().get(2, 31, 31)).isEqualTo(s.image().get(2, 47, 47));
    assertThat(c.objectMask().get(10, 10)).isEqualTo(s.objectMask().get(26, 26));
  }

  @Test
  void resizeKeepsConstantImagesConstantAndAveragesWhenShrinking() {
    FloatImage grey = new FloatImage(3, 10, 10, filled(300, 0.25f));
    Sample small = Resize.to(3, 7).apply(Sample.classification("g", grey, 0), new Random());
    for (float v : small.image().data()) {
      assertThat(v).isCloseTo(0.25f, org.assertj.core.data.Offset.offset(1e-6f));
    }
    // a 1-pixel checkerboard shrunk 4x becomes flat grey: every source pixel was averaged
    FloatImage checker = FloatImage.zeros(1, 16, 16);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        checker.set(0, y, x, (x + y) % 2);
      }
    }
    Sample shrunk = Resize.to(4, 4).apply(Sample.classification("c", checker, 0), new Random());
    for (float v : shrunk.image().data()) {
      assertThat(v).isCloseTo(0.5f, org.assertj.core.data.Offset.offset(0.05f));
    }
    Sample wide =
        Resize.shorterSide(8)
            .apply(Sample.classification("w", FloatImage.zeros(3, 20, 40), 0), new Random());
    assertThat(wide.image().height()).isEqualTo(8);
    assertThat(wide.image().width()).isEqualTo(16);
  }

  @Test
  void boxesFollowTheObjectMaskThroughRandomResizedCropsAndFlips() {
    var pipeline =
        RandomResizedCrop.builder(40, 40).optScale(0.3, 1).build().then(new HorizontalFlip(0.5));
    Random r = new Random(7);
    int checked = 0;
    for (int i = 0; i < 20; i++) {
      Sample out = pipeline.apply(DATA.get(i), r);
      assertThat(out.image().height()).isEqualTo(40);
      assertThat(out.objectMask().width()).isEqualTo(40);
      if (out.boxes().isEmpty()) {
        continue;
      }
      Box maskBox = bounds(out.objectMask());
      if (maskBox == null) {
        continue;
      }
      Box b = out.boxes().get(0);
      // the clipped box holds every visible object pixel (to within the one-pixel rounding of
      // nearest-neighbour masks); it may be larger where a cut-off extremity defined its edge
      assertThat(b.x0()).isLessThanOrEqualTo(maskBox.x0() + 1);
      assertThat(b.y0()).isLessThanOrEqualTo(maskBox.y0() + 1);
      assertThat(b.x1()).isGreaterThanOrEqualTo(maskBox.x1() - 1);
      assertThat(b.y1()).isGreaterThanOrEqualTo(maskBox.y1() - 1);
      checked++;
    }
    assertThat(checked).isGreaterThan(10);
  }

  @Test
  void resizedBoxesAgreeWithResizedMasksToAPixel() {
    for (int i = 0; i < 10; i++) {
      for (int size : new int[] {37, 100}) {
        Sample out = Resize.to(size, size).apply(DATA.get(i), new Random());
        Box b = out.boxes().get(0);
        Box m = bounds(out.objectMask());
        assertThat(Math.abs(b.x0() - m.x0()) + Math.abs(b.y0() - m.y0())).isLessThanOrEqualTo(2);
        assertThat(Math.abs(b.x1() - m.x1()) + Math.abs(b.y1() - m.y1())).isLessThanOrEqualTo(2);
      }
    }
  }

  @Test
  void defaultPipelinesProduceTheConfiguredSize() {
    Sample big = Sample.classification("b", FloatImage.zeros(3, 375, 500), 0);
    Sample tall = Sample.classification("t", FloatImage.zeros(3, 500, 333), 0);
    var cub = org.fga.core.datasets.cub.CubConfig.of("/x");
    for (Sample s : java.util.List.of(big, tall)) {
      Sample train = cub.defaultPipeline().trainTransform().apply(s, new Random(1));
      assertThat(train.image().height()).isEqualTo(448);
      assertThat(train.image().width()).isEqualTo(448);
      assertThat(cub.defaultPipeline().testTransform().apply(s, new Random(1)).image().width())
          .isEqualTo(448);
    }
    var market = org.fga.core.datasets.reid.MarketConfig.of("/x");
    Sample person = market.defaultPipeline().trainTransform().apply(big, new Random(1));
    assertThat(person.image().height()).isEqualTo(256);
    assertThat(person.image().width()).isEqualTo(128);
    Sample synth = DATA.get(0);
    assertThat(SyntheticConfig.defaults().defaultPipeline().testTransform().apply(synth, new Random(1)))
        .isSameAs(synth);
  }

  @Test
  void aFlipInsideTheCropEqualsAFlipAfterIt() {
    var plain = RandomResizedCrop.builder(48, 40).build();
    var fused = RandomResizedCrop.builder(48, 40).optFlip(1.0).build();
    for (int i = 0; i < 5; i++) {
      Sample expected = HorizontalFlip.flip(plain.apply(DATA.get(i), new Random(i)));
      Sample got = fused.apply(DATA.get(i), new Random(i));
      assertThat(got.image().data()).isEqualTo(expected.image().data());
      assertThat(got.objectMask().data()).isEqualTo(expected.objectMask().data());
      assertThat(got.partMask().data()).isEqualTo(expected.partMask().data());
      assertThat(got.boxes()).isEqualTo(expected.boxes());
      assertThat(got.keypoints()).isNotNull().isEqualTo(expected.keypoints());
    }
  }

  @Test
  void theSameRandomSeedGivesTheSameAugmentation() {
    var pipeline =
        RandomResizedCrop.builder(32, 32).optFlip(0.5).build()
            .then(new ColorJitter(0.4, 0.4, 0.4))
            .then(new RandomErasing(0.5, null));
    Sample a = pipeline.apply(DATA.get(3), new Random(11));
    Sample b = pipeline.apply(DATA.get(3), new Random(11));
    assertThat(a.image().data()).isEqualTo(b.image().data());
    assertThat(a.boxes()).isEqualTo(b.boxes());
  }

  @Test
  void aHueShiftTurnsTheColourWheelAndLeavesGreyAlone() {
    // planar RGB of three pixels: red, orange (1, 0.5, 0) and grey
    float[] d = {1, 1, 0.5f, 0, 0.5f, 0.5f, 0, 0, 0.5f};
    ColorJitter.shiftHue(d, 3, 1f / 3);
    // a third of a turn: red -> green, orange (hue 1/12) -> (0, 1, 0.5)
    assertThat(new float[] {d[0], d[3], d[6]}).containsExactly(new float[] {0, 1, 0}, org.assertj.core.data.Offset.offset(1e-6f));
    assertThat(new float[] {d[1], d[4], d[7]}).containsExactly(new float[] {0, 1, 0.5f}, org.assertj.core.data.Offset.offset(1e-6f));
    assertThat(new float[] {d[2], d[5], d[8]}).containsExactly(0.5f, 0.5f, 0.5f);
  }

  @Test
  void jitterStaysInRangeAndChangesPixels() {
    Sample s = DATA.get(1);
    Sample j = new ColorJitter(0.5, 0.5, 0.5).apply(s, new Random(2));
    assertThat(j.image().data()).isNotEqualTo(s.image().data());
    for (float v : j.image().data()) {
      assertThat(v).isBetween(0f, 1f);
    }
    assertThat(j.objectMask()).isSameAs(s.objectMask());
  }

  @Test
  void erasingFillsOneRectangleWithTheFillColour() {
    Sample s = Sample.classification("z", new FloatImage(3, 20, 20, filled(1200, 0.9f)), 0);
    Sample e = new RandomErasing(1.0, RandomErasing.IMAGENET_MEAN).apply(s, new Random(3));
    int erased = 0;
    for (int p = 0; p < 400; p++) {
      if (e.image().data()[p] != 0.9f) {
        assertThat(e.image().data()[p]).isEqualTo(0.485f);
        assertThat(e.image().data()[400 + p]).isEqualTo(0.456f);
        erased++;
      }
    }
    assertThat(erased).isBetween(8, 140);
    assertThat(new RandomErasing(0, null).apply(s, new Random(3))).isSameAs(s);
  }

  private static float[] filled(int n, float v) {
    float[] d = new float[n];
    java.util.Arrays.fill(d, v);
    return d;
  }

  private static Box bounds(Mask m) {
    return m.bounds();
  }
}
