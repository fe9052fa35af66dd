package org.fga.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.fga.core.plugin.Plugins;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.SpecReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every experiment file under {@code configs/} parses against the registered plugins (method,
 * backbone and dataset types and every key), and every paper row names its published number.
 */
class ExperimentFilesTest {
  static final Plugins PLUGINS = Plugins.load();
  static final Path CONFIGS = Path.of("..", "configs");

  static Stream<Path> files() throws IOException {
    try (Stream<Path> s = Files.walk(CONFIGS)) {
      return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json"))
          .filter(p -> !p.toString().contains("/tables/"))
          .sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void parsesAndPaperRowsCarryTheirNumber(Path file) {
    java.util.List<String> notes = new java.util.ArrayList<>();
    ExperimentSpec spec = new SpecReader(PLUGINS, notes::add).read(file);
    // a committed file says what it means: its pipeline ends at its data.imageSize
    assertThat(notes).as("notes on %s", file).isEmpty();
    assertThat(PLUGINS.backbones().contains(spec.backbone().arch())).as("backbone of %s", file).isTrue();
    if (!file.getParent().getFileName().toString().equals("synthetic")) {
      assertThat(spec.paper()).as("paper block of %s", file).isNotNull();
      // the record itself insists on a value or a note saying why there is none
      assertThat(spec.paper().source()).as("paper source of %s", file).isNotBlank();
    }
  }
}
