package org.fga.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fga.core.plugin.Plugins;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.SpecReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an override implies beyond its own key, on the committed CAL CUB row. */
class SpecOverridesTest {
  static final Plugins PLUGINS = Plugins.load();
  static final Path ROW = Path.of("..", "configs", "cal", "cal_resnet101_cub.yaml").toAbsolutePath().normalize();

  private final List<String> notes = new ArrayList<>();
  private final SpecReader reader = new SpecReader(PLUGINS, notes::add);

  @Test
  void anotherMethodDropsThePaperNumberOfTheOldOne(@TempDir Path dir) throws Exception {
    ExperimentSpec wsdan = reader.read(ROW, List.of("method={type: wsdan}"));
    assertThat(wsdan.paper()).isNull();
    assertThat(notes).anyMatch(n -> n.contains("makes the method wsdan; the spec's paper block (cal's published number) is dropped"));
    // the same method with other settings keeps its row's number; a later -o paper= sets one
    assertThat(reader.read(ROW, List.of("method.attentionMaps=16")).paper().value()).isEqualTo(90.6);
    assertThat(reader.read(ROW, List.of("method={type: wsdan}", "paper={source: WS-DAN, row: r, metric: top-1, value: 89.4}"))
        .paper().value()).isEqualTo(89.4);
    // a file that extends the row with another method inherits no paper block either
    Path child = Files.writeString(dir.resolve("wsdan.yaml"), "extends: " + ROW + "\nname: wsdan_cub\nmethod: {type: wsdan}\n");
    assertThat(reader.read(child).paper()).isNull();
    Path same = Files.writeString(dir.resolve("cal16.yaml"), "extends: " + ROW + "\nname: cal16\nmethod: {type: cal, attentionMaps: 16}\n");
    assertThat(reader.read(same).paper().value()).isEqualTo(90.6);
  }

  @Test
  void anImageSizeThePipelineDoesNotEndAtIsAWarning() {
    reader.read(ROW, List.of("pipeline.test[1].size=400"));
    assertThat(notes).containsExactly("fga: warning: cal_resnet101_cub: data.imageSize is 448 but pipeline.test ends at"
        + " 400x400; imageSize sizes only the default pipeline: -o data.imageSize=N alone scales the stated one");
    notes.clear();
    reader.read(ROW, List.of("data.imageSize=224", "data.root=/elsewhere"));
    assertThat(notes).hasSize(1).allMatch(n -> n.startsWith("fga: data.imageSize=224 scales the stated pipeline by 224/448"));
  }
}
