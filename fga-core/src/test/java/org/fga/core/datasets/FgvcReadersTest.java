package org.fga.core.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fga.core.data.DataConfig;
import org.fga.core.data.Sample;
import org.fga.core.data.Split;
import org.fga.core.data.layout.Layout;
import org.fga.core.data.synthetic.SyntheticConfig;
import org.fga.core.data.synthetic.SyntheticDataset;
import org.fga.core.data.synthetic.SyntheticScene;
import org.fga.core.datasets.aircraft.AircraftConfig;
import org.fga.core.datasets.nabirds.NabirdsConfig;
import org.fga.core.datasets.stanford.CarsConfig;
import org.fga.core.datasets.stanford.DogsConfig;
import org.fga.core.error.FgaUserException;
import org.fga.core.plugin.Plugins;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Aircraft, NABirds, Cars and Dogs on fixtures written in their layouts by the synthetic writers.
 */
class FgvcReadersTest {
  static final SyntheticConfig CFG =
      SyntheticConfig.builder()
          .optTrainSize(12)
          .optValSize(4)
          .optTestSize(6)
          .optNumClasses(8)
          .optImageSize(40)
          .optSeed(9)
          .build();
  static final Plugins PLUGINS = Plugins.load();

  @TempDir static Path dir;

  @BeforeAll
  static void writeFixtures() throws Exception {
    for (String l : new String[] {"aircraft", "nabirds", "cars", "dogs"}) {
      Layout.named(l).write(CFG, dir.resolve(l));
    }
  }

  private static DataConfig config(String name) {
    String root = dir.resolve(name).toString();
    return switch (name) {
      case "aircraft" -> AircraftConfig.of(root);
      case "nabirds" -> NabirdsConfig.of(root);
      case "cars" -> CarsConfig.of(root);
      default -> DogsConfig.of(root);
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"nabirds", "cars", "dogs"})
  void trainAndTestMatchTheGeneratorsLabelsAndBoxes(String name) {
    for (Split split : new Split[] {Split.TRAIN, Split.TEST}) {
      FileDataset ds = (FileDataset) PLUGINS.datasets().get(name).open(config(name), split);
      SyntheticDataset gen = new SyntheticDataset(CFG, split);
      assertThat(ds.size()).isEqualTo(gen.size());
      for (int i = 0; i < ds.size(); i++) {
        Sample s = ds.get(i);
        SyntheticScene scene = gen.scene(i);
        assertThat(s.label()).as("%s %s %d", name, split, i).isEqualTo(scene.classes()[0]);
        assertThat(s.boxes()).containsExactly(scene.boxes().get(0));
        assertThat(s.image().height()).isEqualTo(40);
      }
    }
  }

  @Test
  void dogsAndNabirdsNameTheirClasses() {
    FileDataset dogs =
        (FileDataset) PLUGINS.datasets().get("dogs").open(config("dogs"), Split.TEST);
    assertThat(dogs.info().classNames()).hasSize(8).startsWith("red_disc", "red_square");
    FileDataset birds =
        (FileDataset) PLUGINS.datasets().get("nabirds").open(config("nabirds"), Split.TRAIN);
    // the taxonomy's inner nodes are in classes.txt but only leaf classes become labels
    assertThat(birds.info().numClasses()).isEqualTo(8);
    assertThat(birds.info().classNames().get(1)).isEqualTo("red square");
  }

  @Test
  void aircraftLevelsNestAndTrainvalJoinsTrainAndVal() {
    String root = dir.resolve("aircraft").toString();
    FileDataset trainval =
        (FileDataset) PLUGINS.datasets().get("aircraft").open(AircraftConfig.of(root), Split.TRAIN);
    FileDataset val =
        (FileDataset) PLUGINS.datasets().get("aircraft").open(AircraftConfig.of(root), Split.VAL);
    FileDataset family =
        (FileDataset)
            PLUGINS
                .datasets()
                .get("aircraft")
                .open(new AircraftConfig(root, 0, false, "family", "train"), Split.TRAIN);
    assertThat(trainval.size()).isEqualTo(16);
    assertThat(val.size()).isEqualTo(4);
    assertThat(family.size()).isEqualTo(12);
    assertThat(trainval.info().numClasses()).isEqualTo(8);
    assertThat(family.info().numClasses()).isEqualTo(4);
    SyntheticDataset gen = new SyntheticDataset(CFG, Split.TRAIN);
    for (int i = 0; i < 12; i++) {
      assertThat(trainval.entries().get(i).label()).isEqualTo(gen.scene(i).classes()[0]);
      assertThat(family.entries().get(i).label()).isEqualTo(gen.scene(i).classes()[0] / 2);
      assertThat(trainval.get(i).boxes()).containsExactly(gen.scene(i).boxes().get(0));
    }
  }

  @Test
  void aBrokenMatFileNamesIt(@TempDir Path tmp) throws Exception {
    Path root = BadInput.copyCub(dir.resolve("cars"), tmp.resolve("cars"));
    Path meta = root.resolve("devkit/cars_meta.mat");
    Files.writeString(meta, "this is not a MAT file");
    assertThatThrownBy(
            () -> PLUGINS.datasets().get("cars").open(CarsConfig.of(root.toString()), Split.TRAIN))
        .isInstanceOf(FgaUserException.class)
        .hasMessageStartingWith("cannot read MATLAB file " + meta);
    Files.delete(root.resolve("cars_test_annos_withlabels.mat"));
    assertThatThrownBy(
            () -> PLUGINS.datasets().get("cars").open(CarsConfig.of(root.toString()), Split.TEST))
        .isInstanceOf(FgaUserException.class);
  }
}
