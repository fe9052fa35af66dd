package org.fga.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fga.core.data.provider.DataConfig;
import org.fga.core.data.Sample;
import org.fga.core.data.Split;
import org.fga.bench.layout.Layout;
import org.fga.datasets.synthetic.SyntheticConfig;
import org.fga.datasets.synthetic.SyntheticDataset;
import org.fga.datasets.synthetic.SyntheticScene;
import org.fga.datasets.aircraft.AircraftConfig;
import org.fga.datasets.nabirds.NabirdsConfig;
import org.fga.datasets.stanford.CarsConfig;
import org.fga.datasets.stanford.DogsConfig;
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
                .open(new AircraftConfig(root, 0, false, "family", "train", true), Split.TRAIN);
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
  void aircraftCutsTheCopyrightBannerUnlessAskedNotTo() throws Exception {
    AircraftConfig byDefault =
        (AircraftConfig) PLUGINS.yaml().readValue("type: aircraft\nroot: /a\n", DataConfig.class);
    String yaml = "{type: aircraft, root: /a, cropBanner: false}";
    AircraftConfig off = (AircraftConfig) PLUGINS.yaml().readValue(yaml, DataConfig.class);
    assertThat(byDefault.cropBanner()).isTrue();
    assertThat(off.cropBanner()).isFalse();
    String root = dir.resolve("aircraft").toString();
    var provider = PLUGINS.datasets().get("aircraft");
    FileDataset cut = (FileDataset) provider.open(AircraftConfig.of(root), Split.TEST);
    FileDataset kept =
        (FileDataset)
            provider.open(
                new AircraftConfig(root, 0, false, "variant", "trainval", false), Split.TEST);
    SyntheticDataset gen = new SyntheticDataset(CFG, Split.TEST);
    for (int i = 0; i < cut.size(); i++) {
      Sample s = cut.get(i);
      Sample full = kept.get(i);
      SyntheticScene scene = gen.scene(i);
      assertThat(full.image().height()).isEqualTo(60); // on disk: 40 + the 20-pixel banner
      assertThat(s.image().height()).isEqualTo(40);
      assertThat(s.image().width()).isEqualTo(40);
      assertThat(s.boxes()).containsExactly(scene.boxes().get(0));
      assertThat(full.boxes()).isEqualTo(s.boxes());
      // what is left is exactly the picture: the decoded file's top 40 rows, close to the
      // generator's pixels (JPEG) down to the last row, while the file's next rows are black
      float[] top = new float[3 * 40 * 40];
      for (int c = 0; c < 3; c++) {
        System.arraycopy(full.image().data(), c * 60 * 40, top, c * 40 * 40, 40 * 40);
      }
      assertThat(s.image().data()).isEqualTo(top);
      assertThat(meanAbsDiff(s.image(), scene.image(), 0, 40)).isLessThan(0.06);
      assertThat(meanAbsDiff(s.image(), scene.image(), 39, 40)).isLessThan(0.1);
      assertThat(rowMean(full.image(), 44)).isLessThan(0.05);
    }
    // a box reaching into the banner is clipped to the picture; a point on it is no longer seen
    Entry e =
        new Entry(
            cut.entries().get(0).image(),
            "x",
            0,
            null,
            java.util.List.of(new org.fga.core.data.Box(3, 30, 20, 55)),
            java.util.List.of(new org.fga.core.data.Keypoint("tail", 10, 50, true)),
            null,
            null,
            -1,
            -1,
            20);
    Sample s = FileDataset.load(e);
    assertThat(s.boxes()).containsExactly(new org.fga.core.data.Box(3, 30, 20, 39));
    assertThat(s.keypoints().get(0).visible()).isFalse();
  }

  /** Mean |a - b| over rows y0 until y1 of every channel. */
  private static double meanAbsDiff(
      org.fga.core.data.FloatImage a, org.fga.core.data.FloatImage b, int y0, int y1) {
    double sum = 0;
    int n = 0;
    for (int c = 0; c < 3; c++) {
      for (int y = y0; y < y1; y++) {
        for (int x = 0; x < a.width(); x++) {
          sum += Math.abs(a.get(c, y, x) - b.get(c, y, x));
          n++;
        }
      }
    }
    return sum / n;
  }

  private static double rowMean(org.fga.core.data.FloatImage a, int y) {
    double sum = 0;
    for (int c = 0; c < 3; c++) {
      for (int x = 0; x < a.width(); x++) {
        sum += a.get(c, y, x);
      }
    }
    return sum / (3 * a.width());
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
