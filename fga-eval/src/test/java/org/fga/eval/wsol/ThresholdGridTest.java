package org.fga.eval.wsol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThresholdGridTest {
  @Test
  void matchesNumpyArangeAndComparesExactly() {
    ThresholdGrid g = new ThresholdGrid(0.1);
    assertThat(g.size()).isEqualTo(10);
    assertThat(g.tau(3)).isEqualTo(3 * 0.1); // 0.30000000000000004, as np.arange gives
    assertThat(g.indexOf(0.3)).isEqualTo(2); // 0.3 < τ_3
    assertThat(g.indexOf(3 * 0.1)).isEqualTo(3);
    assertThat(g.indexOf(1.0)).isEqualTo(9);
    assertThat(g.indexOf(0.0)).isEqualTo(0);
    assertThat(new ThresholdGrid(0.001).size()).isEqualTo(1000);
    assertThat(new ThresholdGrid(0.05).size()).isEqualTo(20);
  }
}
