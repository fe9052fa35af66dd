package org.fga.core.data.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.fga.core.data.Box;
import org.fga.core.data.FloatImage;
import org.fga.core.data.Keypoint;
import org.fga.core.data.Mask;
import org.fga.core.data.Sample;
import org.junit.jupiter.api.Test;

/**
 * The transforms on small hand-made samples. Their agreement on fully annotated images (boxes,
 * masks, part masks and keypoints moving together) is tested on the synthetic data, in
 * fga-datasets' {@code TransformsOnSyntheticDataTest}.
 */
class TransformsTest {
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
