package org.fga.methods.ssl.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.fga.core.io.Mappers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.fga.core.error.FgaUserException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code fga bench ssl}'s plumbing at the smallest size; speed is reported, never asserted. */
class BenchSslCommandTest {
  private static BenchSslCommand parsed(String... args) {
    BenchSslCommand c = new BenchSslCommand();
    new CommandLine(c).parseArgs(args);
    return c;
  }

  @Test
  void timesEachLcrAgainstItsBase() throws Exception {
    BenchSslCommand c = parsed("--size", "32", "--width", "4", "--batch", "2", "--steps", "1", "--warmup", "0",
        "--rounds", "1");
    PrintStream stdout = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      assertThat(c.call()).isZero();
    } finally {
      System.setOut(stdout);
    }
    JsonNode json = Mappers.json().readTree(buf.toString(StandardCharsets.UTF_8));
    assertThat(json.path("pairs").path("lcr-byol").path("medianRatio").asDouble()).isPositive();
    assertThat(json.path("pairs").path("lcr-mocov2").path("medianRatio").asDouble()).isPositive();
  }

  @Test
  void aBatchOfOneIsBadInput() {
    assertThatThrownBy(() -> parsed("--batch", "1").call())
        .isInstanceOf(FgaUserException.class).hasMessageContaining("--batch >= 2");
  }
}
