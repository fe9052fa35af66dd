package org.fga.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DoctorCommandTest {

  @Test
  void printsTheEngineAndTheGuardsVerdictForABugReport() throws Exception {
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = FgaMain.execute("doctor", "--json");
    } finally {
      System.setOut(stdout);
    }
    assertThat(code).isZero();
    JsonNode facts = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(facts.path("libtorch").asText()).isEqualTo(ai.djl.engine.Engine.getInstance().getVersion());
    assertThat(facts.path("guard").path("status").asText()).isIn("healthy", "routed", "switched", "forced", "kept_wrong");
    assertThat(facts.path("guard").path("convPath").asText()).isIn("oneDNN", "routed", "native");
    assertThat(facts.has("cacheSizes")).isTrue();
  }

  @Test
  void anEngineThatCannotBeTrustedIsBadInputWithExitCode2() {
    // one line and exit code 2, as a missing file: the user fixes the machine, not fga
    assertThat(FgaMain.isBadInput(new org.fga.engine.EngineFaultException("engine: ..."))).isTrue();
    assertThat(FgaMain.isBadInput(new IllegalStateException("a bug"))).isFalse();
  }
}
