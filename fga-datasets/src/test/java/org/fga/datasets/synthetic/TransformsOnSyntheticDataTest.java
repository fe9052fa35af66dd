package org.fga.datasets.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.fga.core.data.Box;
import org.fga.core.data.FloatImage;
import org.fga.core.data.Mask;
import org.fga.core.data.Sample;
import org.fga.core.data.Split;
import org.fga.core.data.transform.CenterCrop;
import org.fga.core.data.transform.ColorJitter;
import org.fga.core.data.transform.HorizontalFlip;
import org.fga.core.data.transform.RandomErasing;
import org.fga.core.data.transform.RandomResizedCrop;
import org.fga.core.data.transform.Resize;
import org.junit.jupiter.api.Test;

/**
 * The core's transforms on the synthetic images, which carry every annotation a reader can give
 * (boxes, object and part masks, keypoints), so that each is seen to follow the pixels; and the
 * readers' default pipelines producing their configured sizes.
 */
class TransformsOnSyntheticDataTest {
  private static final SyntheticDataset DATA =
      new SyntheticDataset(SyntheticConfig.builder().optTrainSize(20).build(), Split.TRAIN);

  @Test
  void centreCropCopiesPixelsExactly() {
    Sample s = DATA.get(0);
    Sample c = new CenterCrop(32, 32).apply(s, new Random(0));
    assertThat(c.image().get(1, 0, 0)).isEqualTo(s.image().get(1, 16, 16));
    assertThat(c.image().get(2, 31, 31)).isEqualTo(s.image().get(2, 47, 47));
    assertThat(c.objectMask().get(10, 10)).isEqualTo(s.objectMask().get(26, 26));
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
    var cub = org.fga.datasets.cub.CubConfig.of("/x");
    for (Sample s : java.util.List.of(big, tall)) {
      Sample train = cub.defaultPipeline().trainTransform().apply(s, new Random(1));
      assertThat(train.image().height()).isEqualTo(448);
      assertThat(train.image().width()).isEqualTo(448);
      assertThat(cub.defaultPipeline().testTransform().apply(s, new Random(1)).image().width())
          .isEqualTo(448);
    }
    var market = org.fga.datasets.reid.MarketConfig.of("/x");
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
  void jitterStaysInRangeAndChangesPixels() {
    Sample s = DATA.get(1);
    Sample j = new ColorJitter(0.5, 0.5, 0.5).apply(s, new Random(2));
    assertThat(j.image().data()).isNotEqualTo(s.image().data());
    for (float v : j.image().data()) {
      assertThat(v).isBetween(0f, 1f);
    }
    assertThat(j.objectMask()).isSameAs(s.objectMask());
  }

  private static Box bounds(Mask m) {
    return m.bounds();
  }
}
