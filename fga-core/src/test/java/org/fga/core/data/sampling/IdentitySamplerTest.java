package org.fga.core.data.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentitySamplerTest {
  @Test
  void everyBatchHasPIdentitiesWithKImagesEach() {
    // identity i has i + 1 images: some have fewer than K and are topped up
    int[] labels = new int[55];
    int n = 0;
    for (int id = 0; id < 10; id++) {
      for (int j = 0; j <= id; j++) {
        labels[n++] = id;
      }
    }
    IdentitySampler s = new IdentitySampler(labels, 4, 3);
    int[] order = s.epoch(1, 0);
    assertThat(order.length % 12).isZero();
    assertThat(order.length).isGreaterThanOrEqualTo(24);
    for (int b = 0; b < order.length; b += 12) {
      Map<Integer, Integer> count = new HashMap<>();
      for (int i = b; i < b + 12; i++) {
        count.merge(labels[order[i]], 1, Integer::sum);
      }
      assertThat(count).hasSize(4);
      assertThat(count.values()).containsOnly(3);
    }
    assertThat(s.epoch(1, 0)).isEqualTo(order);
    assertThat(s.epoch(1, 1)).isNotEqualTo(order);
  }

  @Test
  void fewerIdentitiesThanABatchNeedsAreRefused() {
    assertThatThrownBy(() -> new IdentitySampler(new int[] {0, 0, 1}, 3, 2))
        .hasMessageContaining("at least P=3");
  }

  /**
   * One torchreid pass stops when fewer than P identities have groups left, which depends on the
   * shuffle; the trainer counts steps with the epoch-0 length, so a shorter later epoch ran out of
   * samples (an empty batch at epoch 13 of the CAL re-ID spec). Every epoch must be as long.
   */
  @Test
  void everyEpochHasTheSameNumberOfBatches() {
    int[] labels = new int[960];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % 32;
    }
    IdentitySampler s = new IdentitySampler(labels, 8, 4);
    // 32 identities x 7 groups of 4 (30 images each), 8 identities to a batch
    assertThat(s.batchesPerEpoch()).isEqualTo(28);
    for (int epoch = 0; epoch < 40; epoch++) {
      int[] order = s.epoch(3, epoch);
      assertThat(order).as("epoch %d", epoch).hasSize(28 * 32);
      for (int b = 0; b < order.length; b += 32) {
        Set<Integer> ids = new HashSet<>();
        for (int j = b; j < b + 32; j++) {
          ids.add(labels[order[j]]);
        }
        assertThat(ids).as("identities in batch %d of epoch %d", b / 32, epoch).hasSize(8);
      }
    }
  }
}
