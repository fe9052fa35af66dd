package org.fga.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.fga.core.io.Mappers;

/** {@code fga bench coarse2fine}'s plumbing at the smallest size; speed is reported, never asserted. */
class BenchCoarse2FineCommandTest {
  @Test
  void timesBothStagesAgainstTheBaseline() throws Exception {
    Cli r = Cli.run("bench", "coarse2fine", "--size", "32", "--width", "4", "--batch", "2", "--maps", "4",
        "--steps", "1", "--warmup", "0");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = Mappers.json().readTree(r.out());
    assertThat(json.get("stage1Ratio").asDouble()).isPositive();
    assertThat(json.get("stage2Ratio").asDouble()).isPositive();
    assertThat(json.get("stage2MsPerStep").asDouble()).isPositive();
  }

  @Test
  void aBatchOfOneIsBadInput() {
    Cli r = Cli.run("bench", "coarse2fine", "--batch", "1");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--batch >= 2");
  }
}
