package org.fga.datasets.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.fga.core.data.Split;
import org.fga.core.data.sampling.IdentitySampler;
import org.junit.jupiter.api.Test;

/** The core's P×K identity sampler over the synthetic re-ID training split. */
class SyntheticReidSamplingTest {
  @Test
  void coversTheSyntheticReidTrainingSplit() {
    SyntheticDataset ds =
        new SyntheticDataset(
            SyntheticConfig.builder().optTask("reid").optIdentities(8).optTrainSize(64).build(),
            Split.TRAIN);
    IdentitySampler s = new IdentitySampler(IdentitySampler.labelsOf(ds), 4, 4);
    Set<Integer> seen = new HashSet<>();
    for (int i : s.epoch(0, 0)) {
      seen.add(i);
    }
    // 8 images per identity make two K=4 groups each; groups of identities left over when fewer
    // than P identities remain are dropped, as in torchreid, so most but not all images are used
    assertThat(seen.size()).isBetween(48, 64);
    assertThat(seen).allMatch(i -> i >= 0 && i < 64);
  }
}
