package org.fga.methods.gain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.fga.core.method.MethodConfig;
import org.fga.core.plugin.Plugins;
import org.junit.jupiter.api.Test;

/**
 * The method blocks of {@code configs/gain/**.yaml} parse into this module's config records, and
 * every paper row carries its paper block. (The data blocks are checked by the runs themselves.)
 */
class ExperimentFilesTest {
  private static final Path DIR = Path.of("..", "configs", "gain");

  private static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.walk(DIR)) {
      // configs/gain/fashion/ holds fga's own regime, whose CAM row is another module's method:
      // fga-bench's ExperimentFilesTest parses it with every plugin loaded
      return s.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("/tables/")
          && !p.toString().contains("/fashion/")).sorted().toList();
    }
  }

  @Test
  void methodBlocksParseAndPaperRowsCiteThePaper() throws IOException {
    Plugins plugins = Plugins.load();
    List<Path> files = files();
    assertThat(files).hasSizeGreaterThanOrEqualTo(6);
    for (Path f : files) {
      JsonNode root = plugins.yaml().readTree(f.toFile());
      MethodConfig c = plugins.yaml().treeToValue(root.get("method"), MethodConfig.class);
      assertThat(c).as(f.toString()).isNotNull();
      if (!f.getParent().getFileName().toString().equals("synthetic")) {
        JsonNode paper = root.get("paper");
        assertThat(paper).as(f + " paper block").isNotNull();
        assertThat(paper.get("source").asText()).contains("GAIN");
        assertThat(paper.get("value").isNumber()).isTrue();
      }
    }
  }
}
