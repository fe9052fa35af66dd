package org.fga.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code fga bench ssl}'s plumbing at the smallest size; speed is reported, never asserted. */
class BenchSslCommandTest {
  @Test
  void timesEachLcrAgainstItsBase() throws Exception {
    Cli r = Cli.run("bench", "ssl", "--size", "32", "--width", "4", "--batch", "2", "--steps", "1",
        "--warmup", "0", "--rounds", "1");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.path("pairs").path("lcr-byol").path("medianRatio").asDouble()).isPositive();
    assertThat(json.path("pairs").path("lcr-mocov2").path("medianRatio").asDouble()).isPositive();
  }

  @Test
  void aBatchOfOneIsBadInput() {
    Cli r = Cli.run("bench", "ssl", "--batch", "1");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--batch >= 2");
  }
}
