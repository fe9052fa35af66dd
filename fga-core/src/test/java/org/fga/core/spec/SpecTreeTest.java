package org.fga.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fga.core.error.FgaUserException;
import org.fga.core.plugin.Plugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code extends:} chains and {@code -o key=value} overrides, resolved before the spec is bound. */
class SpecTreeTest {
  static final Plugins PLUGINS = org.fga.core.testing.TestPlugins.load();
  static final SpecReader READER = new SpecReader(PLUGINS);

  static final String BASE = """
      name: base
      method: {type: baseline, labelSmoothing: 0.1}
      backbone: {arch: tinynet, lastStride: 1}
      data: {type: squares, imageSize: 32, size: 40}
      schedule: {epochs: 3, lr: 0.01, milestones: [1, 2]}
      """;

  @Test
  void extendsMergesMappingsAndReplacesListsAtAnyDepth(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("base.yaml"), BASE);
    Files.createDirectories(dir.resolve("ablations"));
    Files.writeString(dir.resolve("ablations/mid.yaml"), """
        extends: ../base.yaml
        name: mid
        schedule: {lr: 0.05, milestones: [2]}
        """);
    Files.writeString(dir.resolve("ablations/leaf.yaml"), """
        extends: mid.yaml
        name: leaf
        data: {size: 12}
        """);
    ExperimentSpec leaf = READER.read(dir.resolve("ablations/leaf.yaml"));
    assertThat(leaf.name()).isEqualTo("leaf");
    assertThat(leaf.schedule().lr()).isEqualTo(0.05);
    assertThat(leaf.schedule().epochs()).isEqualTo(3); // kept from the base
    assertThat(leaf.schedule().milestones()).containsExactly(2.0); // lists are replaced
    assertThat(leaf.backbone().lastStride()).isEqualTo(1);
    assertThat(READER.toYaml(leaf)).doesNotContain("extends").contains("size: 12").contains("imageSize: 32");
  }

  @Test
  void aMappingOfAnotherTypeReplacesTheBasesWhole(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("base.yaml"), BASE);
    Files.writeString(dir.resolve("cam.yaml"), "extends: base.yaml\nname: cam\nmethod: {type: baseline}\n");
    assertThat(READER.read(dir.resolve("cam.yaml")).method().toString()).contains("0.1");
    Files.writeString(dir.resolve("other.yaml"), "extends: base.yaml\nname: o\ndata: {type: people}\n");
    // the squares keys (imageSize, size) do not leak into the people block
    assertThat(READER.read(dir.resolve("other.yaml")).data().imageSize()).isEqualTo(16);
  }

  @Test
  void cyclesAndMissingBasesAreOneLine(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.yaml"), "extends: b.yaml\nname: a\n");
    Files.writeString(dir.resolve("b.yaml"), "extends: a.yaml\nname: b\n");
    assertThatThrownBy(() -> READER.read(dir.resolve("a.yaml")))
        .isInstanceOf(FgaUserException.class)
        .hasMessage("'extends' goes round in a circle: a.yaml -> b.yaml -> a.yaml");
    Files.writeString(dir.resolve("c.yaml"), "extends: gone.yaml\nname: c\n");
    assertThatThrownBy(() -> READER.read(dir.resolve("c.yaml")))
        .hasMessageStartingWith("c.yaml: 'extends' names a missing file: ");
  }

  @Test
  void overridesAreReadAsYamlAndCheckedLikeTheFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("base.yaml");
    Files.writeString(f, BASE);
    ExperimentSpec s = READER.read(f, List.of(
        "schedule.batchSize=8", "schedule.milestones=[1.5]", "backbone.weights=null",
        "method.labelSmoothing=0.2", "pipeline.train=[{type: flip}]", "pipeline.train[0].p=0.25",
        "data.size=9"));
    assertThat(s.schedule().batchSize()).isEqualTo(8);
    assertThat(s.schedule().milestones()).containsExactly(1.5);
    assertThat(s.backbone().weights()).isNull();
    assertThat(s.method().toString()).contains("0.2");
    assertThat(READER.toYaml(s)).contains("p: 0.25");
    assertThatThrownBy(() -> READER.read(f, List.of("schedule.batchSize=eight")))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("(with -o overrides)")
        .hasMessageContaining("schedule.batchSize");
    assertThatThrownBy(() -> READER.read(f, List.of("schedule.lrr=3")))
        .hasMessageContaining("unknown key 'schedule.lrr'");
    assertThatThrownBy(() -> READER.read(f, List.of("schedule.batchSize")))
        .hasMessage("override 'schedule.batchSize' must be KEY=VALUE, e.g. schedule.batchSize=8");
    assertThatThrownBy(() -> READER.read(f, List.of("schedule.milestones[3]=1")))
        .hasMessageContaining("has no element 3 (it has 2)");
  }
}
