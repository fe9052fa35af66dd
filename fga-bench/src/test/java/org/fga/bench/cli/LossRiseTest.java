package org.fga.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LossRiseTest {
  @Test
  void aTermTenTimesItsFirstValueIsFlaggedByName(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("train.jsonl");
    Files.writeString(log, """
        {"epoch":0,"step":1,"loss":2.0,"coarse":1.8,"lr":0.05,"imagesPerSec":400.0}
        {"epoch":3,"step":100,"loss":9.0,"coarse":3.0,"lr":0.05,"imagesPerSec":400.0}
        {"epoch":7,"step":300,"loss":40.0,"coarse":290.0,"lr":0.05,"imagesPerSec":400.0}
        """);
    assertThat(LossRise.of(log)).contains("coarse rose to 161× its first value");
  }

  @Test
  void aLossThatFallsOrRisesLessIsNotFlagged(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("train.jsonl");
    Files.writeString(log, """
        {"epoch":0,"step":1,"loss":2.0,"lr":0.05,"imagesPerSec":400.0}
        {"epoch":1,"step":2,"loss":19.0,"lr":0.5,"imagesPerSec":400.0}
        {"epoch":2,"step":3,"loss":0.5,"lr":0.05,"imagesPerSec":400.0}
        """);
    assertThat(LossRise.of(log)).isEmpty();
    assertThat(LossRise.of(dir.resolve("missing.jsonl"))).isEmpty();
  }
}
