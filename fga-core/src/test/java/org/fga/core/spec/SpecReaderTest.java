package org.fga.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fga.core.baseline.BaselineConfig;
import java.util.List;
import org.fga.core.error.FgaUserException;
import org.fga.core.plugin.Plugins;
import org.fga.core.testing.TestPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecReaderTest {
  private final SpecReader reader = new SpecReader(TestPlugins.load());

  private static final String YAML =
      """
      name: toy
      method: {type: baseline, labelSmoothing: 0.1}
      backbone: {arch: tiny, lastStride: 1}
      data: {type: squares, imageSize: 16}
      schedule: {epochs: 3, optimizer: adamw, lr: 0.001}
      eval: {metrics: [accuracy]}
      seed: 7
      paper: {source: "X, CVPR 2020", table: 1, row: ours, metric: top-1, value: 90.6}
      """;

  @Test
  void readsYamlAndJsonToTheSameSpecAndFillsDefaults(@TempDir Path dir) throws Exception {
    Path y = dir.resolve("toy.yaml");
    Files.writeString(y, YAML);
    ExperimentSpec a = reader.read(y);
    assertThat(a.method()).isEqualTo(new BaselineConfig(null, 0.1));
    assertThat(a.backbone().lastStride()).isEqualTo(1);
    assertThat(a.schedule().batchSize()).isEqualTo(32);
    assertThat(a.schedule().optimizer()).isEqualTo("adamw");
    assertThat(a.paper().value()).isEqualTo(90.6);
    Path j = dir.resolve("toy.json");
    Files.writeString(j, TestPlugins.load().json().writeValueAsString(a));
    assertThat(reader.read(j)).isEqualTo(a);
    // the resolved spec round-trips through YAML
    assertThat(reader.parse(reader.toYaml(a), false, "resolved")).isEqualTo(a);
  }

  @Test
  void unknownKeyNamesTheFileAndTheKey() {
    assertThatThrownBy(() -> reader.parse(YAML.replace("lr: 0.001", "lr: 0.001, lrr: 3"), false, "exp.yaml"))
        .isInstanceOf(FgaUserException.class)
        .hasMessageStartingWith("exp.yaml: unknown key 'schedule.lrr'");
  }

  @Test
  void everyUnknownKeyIsReportedAtOnceWithTheKeyItMostLikelyMeant(@TempDir Path dir) throws Exception {
    String typos = YAML.replace("epochs: 3", "epoch: 3").replace("imageSize: 16", "imagesize: 16")
        .replace("lastStride: 1", "lastStride: 1, colour: red");
    assertThatThrownBy(() -> reader.parse(typos, false, "exp.yaml"))
        .isInstanceOf(FgaUserException.class)
        .hasMessageStartingWith("exp.yaml: unknown key 'backbone.colour' (line 3); known keys: ")
        .hasMessageContaining("; unknown key 'data.imagesize', did you mean 'imageSize'?")
        .hasMessageContaining("; unknown key 'schedule.epoch', did you mean 'epochs'?")
        .hasMessageNotContaining("\n");
    // the same from a file read with -o overrides (a tree: no lines, the same keys)
    Path file = Files.writeString(dir.resolve("exp.yaml"), typos);
    assertThatThrownBy(() -> reader.read(file, List.of("seed=3", "schedule.lrr=1")))
        .hasMessageContaining("unknown key 'backbone.colour'")
        .hasMessageContaining("unknown key 'schedule.lrr', did you mean 'lr'?")
        .hasMessageContaining("unknown key 'schedule.epoch', did you mean 'epochs'?");
  }

  @Test
  void wrongTypeNamesTheKey() {
    assertThatThrownBy(() -> reader.parse(YAML.replace("epochs: 3", "epochs: three"), false, "exp.yaml"))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("exp.yaml: bad value at 'schedule.epochs'");
  }

  @Test
  void unknownMethodTypeListsTheKnownOnes() {
    assertThatThrownBy(() -> reader.parse(YAML.replace("type: baseline", "type: cla"), false, "exp.yaml"))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("unknown type 'cla' at 'method'")
        .hasMessageContaining("known: baseline");
  }

  @Test
  void aMethodWhosePluginIsNotLoadedIsOneLineWithoutJacksonFragmentsAndSaysWhereToLook() {
    // as when the method's jar is not on the class path or has no META-INF/services file
    SpecReader none = new SpecReader(Plugins.of(List.of(new org.fga.core.testing.TestPlugins())));
    assertThatThrownBy(() -> none.parse(YAML, false, "exp.yaml"))
        .isInstanceOf(FgaUserException.class)
        .hasMessage("exp.yaml: unknown type 'baseline' at 'method' (line 2); known: none"
            + " (a plugin missing here is not on the class path, or its jar has no"
            + " META-INF/services/org.fga.core.plugin.FgaModule)");
  }

  @Test
  void invalidValuesAndMissingFilesAreOneLineErrors(@TempDir Path dir) {
    assertThatThrownBy(() -> reader.parse(YAML.replace("optimizer: adamw", "optimizer: lion"), false, "e.yaml"))
        .hasMessageContaining("schedule.optimizer 'lion' unknown; known: sgd, adam, adamw, lars");
    assertThatThrownBy(() -> reader.read(dir.resolve("missing.yaml")))
        .hasMessage("experiment file not found: " + dir.resolve("missing.yaml"));
    assertThatThrownBy(() -> reader.parse("{name: toy", false, "bad.yaml"))
        .hasMessageStartingWith("bad.yaml: malformed file");
  }
}
