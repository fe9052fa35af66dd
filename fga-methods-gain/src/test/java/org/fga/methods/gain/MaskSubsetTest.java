package org.fga.methods.gain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class MaskSubsetTest {
  @Test
  void fractionIsDeterministicAndNearTheRequestedShare() {
    MaskSubset a = new MaskSubset(0.05, Set.of());
    MaskSubset b = new MaskSubset(0.05, Set.of());
    int in = 0;
    for (int i = 0; i < 20000; i++) {
      assertThat(a.contains(i)).isEqualTo(b.contains(i));
      in += a.contains(i) ? 1 : 0;
    }
    assertThat(in).isBetween(900, 1100);
  }

  @Test
  void listedIndicesAreAlwaysIncludedAndFractionZeroAddsNothing() {
    MaskSubset s = new MaskSubset(0, Set.of(3, 17));
    assertThat(s.contains(3)).isTrue();
    assertThat(s.contains(17)).isTrue();
    for (int i = 0; i < 1000; i++) {
      if (i != 3 && i != 17) {
        assertThat(s.contains(i)).isFalse();
      }
    }
    assertThat(new MaskSubset(1, Set.of()).contains(12345)).isTrue();
  }
}
