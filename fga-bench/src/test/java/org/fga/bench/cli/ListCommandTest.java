package org.fga.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.fga.core.plugin.Plugins;
import org.fga.core.spec.SpecReader;
import org.junit.jupiter.api.Test;
import org.fga.core.io.Mappers;

class ListCommandTest {
  private static String stdout(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      assertThat(FgaMain.commandLine().execute(args)).isZero();
      return out.toString(StandardCharsets.UTF_8);
    } finally {
      System.setOut(old);
    }
  }

  @Test
  void optionsShowTheResolvedDefaultsOfMethodsAndMetrics() throws Exception {
    JsonNode list = Mappers.json().readTree(stdout("list", "--json"));
    JsonNode cal = find(list.get("methods"), "cal").get("options");
    assertThat(cal.get("attentionMaps").asInt()).isEqualTo(32);
    assertThat(cal.get("effectWeight").asDouble()).isEqualTo(1.0);
    assertThat(find(list.get("methods"), "wsdan").get("options").has("effectWeight")).isFalse();
    JsonNode wsol = find(list.get("metrics"), "wsol").get("options");
    assertThat(wsol.get("iouThresholds").toString()).isEqualTo("[30,50,70]");
    assertThat(find(list.get("backbones"), "resnet50").has("options")).isFalse();
  }

  @Test
  void aPrintedOptionsLineIsAValidSpecBlock() {
    String table = stdout("list", "--options");
    String calLine = table.lines().filter(l -> l.contains("{\"type\":\"cal\"")).findFirst().orElseThrow().trim();
    String spec = "name: x\nmethod: " + calLine + "\nbackbone: {arch: resnet18}\n"
        + "data: {type: synthetic}\nschedule: {epochs: 1, batchSize: 2, lr: 0.1}\n";
    assertThat(new SpecReader(Plugins.load()).parse(spec, false, "listed").method())
        .isEqualTo(new SpecReader(Plugins.load()).parse(spec.replace(calLine, "{type: cal}"), false, "bare").method());
  }

  private static JsonNode find(JsonNode entries, String name) {
    for (JsonNode e : entries) {
      if (e.get("name").asText().equals(name)) {
        return e;
      }
    }
    throw new AssertionError(name + " not listed");
  }
}
