package org.fga.bench.cli.backbone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.fga.bench.cli.FgaMain;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.fga.core.io.Mappers;

/** The benchmark's plumbing at the smallest size; speed itself is reported, never asserted. */
class BenchBackboneCommandTest {
  @Test
  void withoutPythonTorchItTimesOursAndSaysWhyTheComparisonIsSkipped() throws Exception {
    CommandLine cli = FgaMain.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code =
        cli.execute("bench", "backbone", "--arch", "resnet18", "--sizes", "32", "--batch", "2",
            "--iters", "1", "--warmup", "0", "--python", "/nonexistent/python3");
    assertThat(code).as(err.toString()).isZero();
    assertThat(err.toString()).contains("TorchScript comparison skipped");
    JsonNode json = Mappers.json().readTree(out.toString());
    assertThat(json.get("torchscript").asText()).isEqualTo("skipped");
    assertThat(json.get("results")).hasSize(2);
    assertThat(json.get("results").get(1).get("mode").asText()).isEqualTo("train");
    assertThat(json.get("results").get(1).get("fgaMs").asDouble()).isPositive();
  }

  @Test
  void unknownBackboneIsBadInput() {
    CommandLine cli = FgaMain.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute("bench", "backbone", "--arch", "resnet7", "--no-torchscript")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown backbone 'resnet7'");
  }
}
