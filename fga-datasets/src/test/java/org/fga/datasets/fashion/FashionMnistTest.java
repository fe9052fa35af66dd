package org.fga.datasets.fashion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.fga.core.data.Box;
import org.fga.core.data.Mask;
import org.fga.core.data.Sample;
import org.fga.core.data.Split;
import org.fga.core.data.Task;
import org.fga.core.error.FgaUserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader against the committed fixture (the first 40 training garments, gzipped, and the first
 * 20 test garments, unpacked, cut from the real files by {@code make-fixture.sh}): labels and
 * pixels exact, canvases deterministic per seed, no garment of another split in a canvas, boxes and
 * masks recomputed from the garment's own pixels, and one-line errors for bad or missing files.
 */
class FashionMnistTest {
  /** Labels of the fixture's garments, as numpy reads them from the real files. */
  static final int[] TRAIN_LABELS = {
    9, 0, 0, 3, 0, 2, 7, 2, 5, 5, 0, 9, 5, 5, 7, 9, 1, 0, 6, 4,
    3, 1, 4, 8, 4, 3, 0, 2, 4, 4, 5, 3, 6, 6, 0, 8, 5, 2, 1, 6};
  static final int[] TEST_LABELS = {9, 2, 1, 1, 6, 1, 4, 6, 5, 7, 4, 5, 7, 3, 4, 1, 2, 4, 8, 0};

  static String fixture() {
    try {
      return Path.of(FashionMnistTest.class.getResource("/fashion-mnist/t10k-labels-idx1-ubyte").toURI())
          .getParent().toString();
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  static FashionMnistConfig plain(int heldOut) {
    return FashionMnistConfig.of(fixture(), null, null, null, heldOut, null, null, null, null, null, null,
        null, null, null, null);
  }

  static FashionMnistConfig cluttered(String task, List<String> classes, int heldOut, long seed,
      FashionMnistConfig.Cluttered c, int size) {
    return FashionMnistConfig.of(fixture(), task, classes, 64, heldOut, size, size, size, null, seed, c,
        6, 5, 3, 4);
  }

  /**
   * re-ID on the fixture: 6 training identities, 3 test identities in 3 views, 2 distractors; of
   * trousers and coats, the classes the 20 test garments hold 4 of each, so that distractors of
   * the identities' classes are left after the identities are drawn.
   */
  static FashionMnistConfig reid() {
    return FashionMnistConfig.of(fixture(), "reid", List.of("Trouser", "Coat"), 64, 8, null, null, null, null,
        1L, recipe(1, "none"), 6, 3, 3, 2);
  }

  static FashionMnistConfig.Cluttered recipe(int maxObjects, String background) {
    return FashionMnistConfig.Cluttered.of(List.of(20, 30), null, 6, 8, background, maxObjects);
  }

  @Test
  void readsLabelsAndPixelsOfBothFilesExactly() {
    FashionMnistDataset train = new FashionMnistDataset(plain(0), Split.TRAIN);
    FashionMnistDataset test = new FashionMnistDataset(plain(0), Split.TEST);
    assertThat(train.size()).isEqualTo(40);
    assertThat(test.size()).isEqualTo(20);
    for (int i = 0; i < 40; i++) {
      assertThat(train.label(i)).as("train label %d", i).isEqualTo(TRAIN_LABELS[i]);
      assertThat(train.get(i).label()).isEqualTo(TRAIN_LABELS[i]);
    }
    for (int i = 0; i < 20; i++) {
      assertThat(test.get(i).label()).as("test label %d", i).isEqualTo(TEST_LABELS[i]);
    }
    assertThat(train.info().classNames()).isEqualTo(FashionClasses.NAMES);
    // test garment 3 (a trouser), row 14, columns 9..16, as numpy reads the real t10k file
    int[] row = {3, 125, 78, 117, 142, 0, 224, 159};
    Sample s = test.get(3);
    assertThat(s.image().height()).isEqualTo(28);
    for (int k = 0; k < row.length; k++) {
      for (int ch = 0; ch < 3; ch++) {
        assertThat(s.image().get(ch, 14, 9 + k)).isEqualTo(row[k] / 255f);
      }
    }
  }

  @Test
  void everyPixelOfTheGzippedFileArrivesInOrder() throws IOException {
    byte[] raw;
    try (var in = new GZIPInputStream(Files.newInputStream(Path.of(fixture(), "train-images-idx3-ubyte.gz")))) {
      raw = in.readAllBytes();
    }
    FashionMnistDataset train = new FashionMnistDataset(plain(0), Split.TRAIN);
    for (int i : new int[] {0, 17, 39}) {
      Sample s = train.get(i);
      for (int p = 0; p < 784; p++) {
        assertThat(s.image().data()[p]).isEqualTo((raw[16 + i * 784 + p] & 0xFF) / 255f);
      }
    }
  }

  @Test
  void theHeldOutGarmentsAreTheLastOfTheTrainingFileAndLeaveTrain() {
    FashionMnistDataset train = new FashionMnistDataset(plain(8), Split.TRAIN);
    FashionMnistDataset val = new FashionMnistDataset(plain(8), Split.VAL);
    assertThat(train.size()).isEqualTo(32);
    assertThat(val.size()).isEqualTo(8);
    for (int i = 0; i < 8; i++) {
      assertThat(val.scene(i).garments().get(0)).isEqualTo(new FashionScene.Garment(Garments.Part.TRAIN, 32 + i));
      assertThat(val.label(i)).isEqualTo(TRAIN_LABELS[32 + i]);
    }
    assertThat(FashionMnistDataset.splits(plain(0))).containsExactly(Split.TRAIN, Split.TEST);
    assertThatThrownBy(() -> new FashionMnistDataset(plain(0), Split.VAL))
        .isInstanceOf(FgaUserException.class).hasMessageContaining("has no split VAL");
  }

  @Test
  void canvasesAreTheSameForOneSeedWhateverTheOrderAndDifferForAnother() {
    FashionMnistConfig a = cluttered("classification", null, 8, 5, recipe(1, "texture"), 12);
    FashionMnistDataset one = new FashionMnistDataset(a, Split.TRAIN);
    FashionMnistDataset two = new FashionMnistDataset(a, Split.TRAIN);
    float[] late = two.get(11).image().data();
    for (int i = 0; i < one.size(); i++) {
      assertThat(one.get(i).image().data()).as("canvas %d", i).isEqualTo(two.get(i).image().data());
      assertThat(one.get(i).boxes()).isEqualTo(two.get(i).boxes());
    }
    assertThat(one.get(11).image().data()).isEqualTo(late);
    FashionMnistDataset other = new FashionMnistDataset(
        cluttered("classification", null, 8, 6, recipe(1, "texture"), 12), Split.TRAIN);
    int differ = 0;
    for (int i = 0; i < one.size(); i++) {
      differ += Arrays.equals(one.get(i).image().data(), other.get(i).image().data()) ? 0 : 1;
    }
    assertThat(differ).isEqualTo(one.size());
  }

  @Test
  void noCanvasHoldsAGarmentOfAnotherSplit() {
    for (String task : List.of("classification", "multilabel")) {
      FashionMnistConfig c = cluttered(task, null, 8, 1, recipe(task.equals("multilabel") ? 2 : 1, "none"), 30);
      checkSources(new FashionMnistDataset(c, Split.TRAIN), Garments.Part.TRAIN, 0, 32);
      checkSources(new FashionMnistDataset(c, Split.VAL), Garments.Part.TRAIN, 32, 40);
      checkSources(new FashionMnistDataset(c, Split.TEST), Garments.Part.TEST, 0, 20);
    }
    FashionMnistConfig reid = reid();
    checkSources(new FashionMnistDataset(reid, Split.TRAIN), Garments.Part.TRAIN, 0, 32);
    checkSources(new FashionMnistDataset(reid, Split.QUERY), Garments.Part.TEST, 0, 20);
    checkSources(new FashionMnistDataset(reid, Split.GALLERY), Garments.Part.TEST, 0, 20);
  }

  private static void checkSources(FashionMnistDataset ds, Garments.Part part, int lo, int hi) {
    int clutter = 0;
    for (int i = 0; i < ds.size(); i++) {
      FashionScene s = ds.scene(i);
      for (FashionScene.Garment g : s.garments()) {
        assertThat(g.part()).as("%s canvas %d garment", ds.split(), i).isEqualTo(part);
        assertThat(g.index()).as("%s canvas %d garment", ds.split(), i).isBetween(lo, hi - 1);
      }
      for (FashionScene.Garment g : s.clutter()) {
        assertThat(g.part()).as("%s canvas %d clutter", ds.split(), i).isEqualTo(part);
        assertThat(g.index()).as("%s canvas %d clutter", ds.split(), i).isBetween(lo, hi - 1);
        assertThat(s.garments()).as("clutter is cut from other garments").doesNotContain(g);
        clutter++;
      }
    }
    assertThat(clutter).as("%s has clutter", ds.split()).isPositive();
  }

  @Test
  void boxesAndMasksAreTheGarmentsOwnPixelsAboveTheThreshold() {
    FashionMnistConfig c = cluttered("multilabel", null, 8, 2, recipe(2, "texture"), 30);
    FashionMnistDataset ds = new FashionMnistDataset(c, Split.TRAIN);
    float thr = (float) c.maskThreshold();
    int two = 0;
    for (int i = 0; i < ds.size(); i++) {
      FashionScene s = ds.scene(i);
      two += s.classes().length == 2 ? 1 : 0;
      // recompute every garment's mask from its photo scaled into its frame; the later one wins
      byte[] expected = new byte[64 * 64];
      for (int o = 0; o < s.classes().length; o++) {
        Box f = s.frames().get(o);
        float[] g = Canvases.scaled(ds.garments(), s.garments().get(o).index(), f.width());
        for (int y = 0; y < f.height(); y++) {
          for (int x = 0; x < f.width(); x++) {
            float v = g[y * f.width() + x];
            int p = (f.y0() + y) * 64 + f.x0() + x;
            if (v > thr) {
              expected[p] = (byte) (o + 1);
            }
            // pasted with the maximum: the canvas is never darker than the garment
            assertThat(s.image().get(0, f.y0() + y, f.x0() + x)).isGreaterThanOrEqualTo(v);
          }
        }
      }
      assertThat(s.instances().data()).as("canvas %d mask", i).isEqualTo(expected);
      for (int o = 0; o < s.classes().length; o++) {
        byte[] one = new byte[expected.length];
        for (int p = 0; p < one.length; p++) {
          one[p] = expected[p] == o + 1 ? (byte) 1 : 0;
        }
        assertThat(s.boxes().get(o)).as("canvas %d box %d", i, o).isEqualTo(new Mask(64, 64, one).bounds());
        assertThat(s.classes()[o]).isEqualTo(TRAIN_LABELS[s.garments().get(o).index()]);
      }
      Sample sample = ds.get(i);
      // the sample's mask names whose pixels are whose (VOC's convention: label + 1), for the
      // per-class mIoU; its non-zero pixels are the scene's object mask
      assertThat(sample.objectMask().data()).isEqualTo(s.classMap(ds::labelOf).data());
      for (int p = 0; p < expected.length; p++) {
        assertThat(sample.objectMask().data()[p] != 0).isEqualTo(s.objectMask().data()[p] != 0);
        if (expected[p] != 0) {
          assertThat(sample.objectMask().data()[p] & 0xFF).isEqualTo(ds.labelOf(s.classes()[expected[p] - 1]) + 1);
        }
      }
      assertThat(sample.labels()).doesNotHaveDuplicates().hasSize(s.classes().length);
    }
    assertThat(two).as("some canvases hold two garments").isBetween(5, 25);
  }

  @Test
  void theTopsTaskTheCoarseParentsAndReid() {
    FashionMnistConfig tops = cluttered("classification", List.of("tops"), 8, 0, recipe(1, "none"), 0);
    FashionMnistDataset t = new FashionMnistDataset(tops, Split.TRAIN);
    assertThat(t.info().classNames()).containsExactly("T-shirt/top", "Pullover", "Coat", "Shirt");
    // the training garments 0..31 of classes 0, 2, 4, 6: one canvas each
    long expected = Arrays.stream(TRAIN_LABELS, 0, 32).filter(l -> l == 0 || l == 2 || l == 4 || l == 6).count();
    assertThat(t.size()).isEqualTo((int) expected);
    Set<Integer> shown = new HashSet<>();
    for (int i = 0; i < t.size(); i++) {
      FashionScene s = t.scene(i);
      shown.add(s.garments().get(0).index());
      assertThat(t.get(i).label()).isEqualTo(FashionClasses.TOPS.indexOf(s.classes()[0]));
      assertThat(t.label(i)).isEqualTo(t.get(i).label());
    }
    assertThat(shown).hasSize((int) expected);

    FashionMnistDataset coarse = new FashionMnistDataset(plain(0).withTask("coarse"), Split.TEST);
    assertThat(coarse.info().classNames()).isEqualTo(FashionClasses.PARENTS);
    for (int i = 0; i < 20; i++) {
      assertThat(coarse.get(i).label()).isEqualTo(FashionClasses.parentOf(TEST_LABELS[i]));
    }
    assertThat(FashionClasses.parentOf(3)).isEqualTo(FashionClasses.PARENTS.indexOf("dresses"));
    assertThat(FashionClasses.parentOf(9)).isEqualTo(FashionClasses.PARENTS.indexOf("footwear"));

    FashionMnistConfig reid = reid();
    FashionMnistDataset train = new FashionMnistDataset(reid, Split.TRAIN);
    FashionMnistDataset query = new FashionMnistDataset(reid, Split.QUERY);
    FashionMnistDataset gallery = new FashionMnistDataset(reid, Split.GALLERY);
    assertThat(train.info().task()).isEqualTo(Task.REID);
    assertThat(train.size()).isEqualTo(6 * 3);
    assertThat(query.size()).isEqualTo(3);
    assertThat(gallery.size()).isEqualTo(3 * 2 + 2);
    for (int i = 0; i < train.size(); i++) {
      Sample s = train.get(i);
      assertThat(s.label()).isEqualTo(s.identity() - 1).isEqualTo(train.label(i));
      // one identity is one source garment, in every view
      assertThat(train.scene(i).garments()).isEqualTo(train.scene(s.label()).garments());
    }
    for (int q = 0; q < 3; q++) {
      FashionScene qs = query.scene(q);
      int matches = 0;
      for (int g = 0; g < gallery.size(); g++) {
        FashionScene gs = gallery.scene(g);
        if (gs.identity() == qs.identity()) {
          matches++;
          assertThat(gs.garments()).isEqualTo(qs.garments());
          assertThat(gs.view()).isNotEqualTo(qs.view());
        }
      }
      assertThat(matches).isEqualTo(2);
    }
    for (int g = 6; g < gallery.size(); g++) {
      FashionScene d = gallery.scene(g);
      FashionScene q = query.scene((g - 6) % 3);
      assertThat(d.identity()).isGreaterThan(6 + 3);
      assertThat(d.classes()[0]).as("a distractor has its identity's class").isEqualTo(q.classes()[0]);
      assertThat(d.garments()).isNotEqualTo(q.garments());
    }
  }

  @Test
  void aMissingFolderIsOneLineNamingThePackageAndTheKey(@TempDir Path dir) {
    FashionMnistConfig c = plain(0).withRoot(dir.resolve("absent").toString());
    assertThatThrownBy(() -> new FashionMnistDataset(c, Split.TRAIN))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("apt-get install dataset-fashion-mnist")
        .hasMessageContaining("data.root")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> new FashionMnistDataset(plain(0).withRoot(dir.toString()), Split.TEST))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("t10k-images-idx3-ubyte.gz")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aDamagedFileIsOneLineNamingIt(@TempDir Path dir) throws IOException {
    for (String f : List.of("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")) {
      Files.copy(Path.of(fixture(), f), dir.resolve(f));
    }
    Path images = dir.resolve("t10k-images-idx3-ubyte");
    byte[] good = Files.readAllBytes(images);
    Files.write(images, Arrays.copyOf(good, good.length - 100));
    assertThatThrownBy(() -> new FashionMnistDataset(plain(0).withRoot(dir.toString()), Split.TEST))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining(images.toString()).hasMessageContaining("truncated")
        .hasMessageNotContaining("\n");
    byte[] magic = good.clone();
    magic[3] = 1;
    Files.write(images, magic);
    assertThatThrownBy(() -> new FashionMnistDataset(plain(0).withRoot(dir.toString()), Split.TEST))
        .isInstanceOf(FgaUserException.class).hasMessageContaining("is not an IDX file");
    Files.write(images, good);
    // a gzip stream cut short is reported as such, not as a libtorch or EOF trace
    Path labels = dir.resolve("t10k-labels-idx1-ubyte");
    Files.delete(labels);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (var out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write(Files.readAllBytes(Path.of(fixture(), "t10k-labels-idx1-ubyte")));
    }
    byte[] cut = Arrays.copyOf(gz.toByteArray(), gz.size() - 12);
    Files.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), cut);
    assertThatThrownBy(() -> new FashionMnistDataset(plain(0).withRoot(dir.toString()), Split.TEST))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("t10k-labels-idx1-ubyte.gz")
        .hasMessageNotContaining("\n");
    // a label outside 0..9
    byte[] bad = Files.readAllBytes(Path.of(fixture(), "t10k-labels-idx1-ubyte"));
    bad[8 + 5] = 12;
    Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
    Files.write(labels, bad);
    assertThatThrownBy(() -> new FashionMnistDataset(plain(0).withRoot(dir.toString()), Split.TEST))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("label 12 of garment 5");
  }

  @Test
  void anExperimentFileNamesTheDatasetAndABadKeyIsOneLine(@TempDir Path dir) throws IOException {
    org.fga.core.plugin.Plugins plugins = org.fga.core.plugin.Plugins.load();
    assertThat(plugins.datasets().get("fashion-mnist")).isInstanceOf(FashionMnistProvider.class);
    String spec = "name: f\nmethod: {type: baseline}\nbackbone: {arch: resnet18}\n"
        + "data: {type: fashion-mnist, root: " + fixture() + ", classes: [tops], heldOut: 8,\n"
        + "       cluttered: {garmentSize: [20, 30], clutter: CLUTTER}}\n";
    Path good = dir.resolve("good.yaml");
    Files.writeString(good, spec.replace("CLUTTER", "4"));
    var read = new org.fga.core.spec.SpecReader(plugins).read(good);
    FashionMnistConfig c = (FashionMnistConfig) read.data();
    assertThat(c.classIndices()).isEqualTo(FashionClasses.TOPS);
    assertThat(c.cluttered().clutter()).isEqualTo(4);
    assertThat(c.imageSize()).isEqualTo(96);
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, spec.replace("CLUTTER", "-1"));
    assertThatThrownBy(() -> new org.fga.core.spec.SpecReader(plugins).read(bad))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("data.cluttered.clutter must be in 0..64, got -1")
        .hasMessageNotContaining("\n");
    Files.writeString(bad, spec.replace("CLUTTER", "4").replace("[tops]", "[tops, jacket]"));
    assertThatThrownBy(() -> new org.fga.core.spec.SpecReader(plugins).read(bad))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("data.classes has an unknown class 'jacket'");
  }
}
