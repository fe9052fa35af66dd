package org.fga.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fga.core.data.FgaDataset;
import org.fga.core.data.FloatImage;
import org.fga.core.data.SampleTransform;
import org.fga.core.data.Split;
import org.fga.core.data.sampling.IdentitySampler;
import org.fga.core.testing.SquaresData;
import org.junit.jupiter.api.Test;

class BatchLoaderTest {
  private static final FgaDataset DATA =
      new SquaresData.Provider().open(new SquaresData.Config(16, 64, null), Split.TRAIN);
  private static final float[] MEAN = {0, 0, 0};
  private static final float[] STD = {1, 1, 1};

  @Test
  void shuffledEpochsAreSeededPermutationsThatDropTheLastPartialBatch() {
    try (BatchLoader a = new BatchLoader(DATA, SampleTransform.identity(), MEAN, STD, 10, true, 4, 2);
        BatchLoader b = new BatchLoader(DATA, SampleTransform.identity(), MEAN, STD, 10, true, 4, 1)) {
      assertThat(a.batchesPerEpoch()).isEqualTo(6);
      assertThat(a.order(3)).containsExactly(b.order(3)); // thread count does not matter
      assertThat(a.order(3)).isNotEqualTo(a.order(4));
      int[] sorted = a.order(0).clone();
      Arrays.sort(sorted);
      assertThat(sorted).containsExactly(java.util.stream.IntStream.range(0, 64).toArray());
    }
  }

  @Test
  void identityBatchesHoldPIdentitiesWithKImagesEach() {
    try (BatchLoader loader = new BatchLoader(DATA, SampleTransform.identity(), MEAN, STD, 8, true, 4, 2)
        .optIdentitySampler(new IdentitySampler(IdentitySampler.labelsOf(DATA), 2, 4))) {
      Iterator<HostBatch> it = loader.epoch(0, 0);
      int batches = 0;
      while (it.hasNext()) {
        HostBatch b = it.next();
        Map<Long, Long> perLabel = Arrays.stream(b.labels()).boxed()
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perLabel).hasSize(2).allSatisfy((label, count) -> assertThat(count).isEqualTo(4L));
        batches++;
      }
      assertThat(batches).isEqualTo(loader.batchesPerEpoch()).isPositive();
    }
  }

  /** Fills the image with one random number: which draw a view got is visible in its pixels. */
  private static final SampleTransform MARK = (sample, r) -> {
    FloatImage img = FloatImage.zeros(sample.image().channels(), sample.image().height(), sample.image().width());
    java.util.Arrays.fill(img.data(), r.nextFloat());
    return sample.withImage(img);
  };

  @Test
  void viewsDrawTheirOwnNumbersAndViewZeroIsTheSingleViewBatch() {
    try (BatchLoader single = new BatchLoader(DATA, MARK, MEAN, STD, 8, true, 4, 2);
        BatchLoader views = new BatchLoader(DATA, MARK, MEAN, STD, 8, true, 4, 2).optViews(java.util.List.of(MARK, MARK))) {
      HostBatch a = single.epoch(1, 0).next();
      HostBatch b = views.epoch(1, 0).next();
      assertThat(a.views()).isNull();
      assertThat(b.views()).hasNumberOfRows(2);
      assertThat(b.views()[0]).containsExactly(a.images());
      assertThat(b.images()).containsExactly(a.images());
      assertThat(b.views()[1]).hasSameSizeAs(b.views()[0]);
      assertThat(b.views()[1][0]).isNotEqualTo(b.views()[0][0]);
    }
  }

  @Test
  void aViewOfAnotherSizeThanTheImagesIsOneLineNamingTheViews() {
    // every view is stacked in the images' shape, so a view resized to 8x8 of 16x16 images is refused
    SampleTransform smaller = org.fga.core.data.transform.Resize.to(8, 8);
    try (BatchLoader views = new BatchLoader(DATA, MARK, MEAN, STD, 8, true, 4, 2)
        .optViews(java.util.List.of(MARK, smaller))) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> views.epoch(0, 0).next())
          .isInstanceOf(org.fga.core.error.FgaUserException.class)
          .hasMessageContaining("after the pipeline but the batch is 3x16x16: end pipeline.views with a step")
          .hasMessageNotContaining("\n");
    }
  }
}
