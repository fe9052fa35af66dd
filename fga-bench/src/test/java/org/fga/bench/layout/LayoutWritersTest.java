package org.fga.bench.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.fga.core.data.Box;
import org.fga.core.data.Split;
import org.fga.datasets.io.Images;
import org.fga.datasets.synthetic.SyntheticConfig;
import org.fga.datasets.synthetic.SyntheticDataset;
import org.fga.datasets.synthetic.SyntheticScene;
import org.fga.core.error.FgaUserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutWritersTest {
  private static final SyntheticConfig CFG =
      SyntheticConfig.builder()
          .optTrainSize(12)
          .optValSize(4)
          .optTestSize(6)
          .optNumClasses(4)
          .optIdentities(4)
          .optTestIdentities(4)
          .optCameras(2)
          .optImageSize(32)
          .build();

  @TempDir Path dir;

  @Test
  void cubListsAgreeAndBoxesMatchTheGenerator() throws Exception {
    LayoutSummary s = new CubLayout().write(CFG, dir);
    assertThat(s.images()).containsEntry("train", 12).containsEntry("test", 6);
    List<String> images = Files.readAllLines(dir.resolve("images.txt"));
    List<String> labels = Files.readAllLines(dir.resolve("image_class_labels.txt"));
    List<String> split = Files.readAllLines(dir.resolve("train_test_split.txt"));
    List<String> boxes = Files.readAllLines(dir.resolve("bounding_boxes.txt"));
    assertThat(images).hasSize(18);
    assertThat(labels).hasSize(18);
    assertThat(Files.readAllLines(dir.resolve("classes.txt")))
        .containsExactly(
            "1 001.red_disc", "2 002.red_square", "3 003.red_triangle", "4 004.red_bar");
    assertThat(split.get(0)).isEqualTo("1 1");
    assertThat(split.get(17)).isEqualTo("18 0");
    // image 13 is the first test image; its box is the generator's, as x y w h
    SyntheticScene scene = new SyntheticDataset(CubLayout.configOf(CFG), Split.TEST).scene(0);
    Box b = scene.boxes().get(0);
    assertThat(boxes.get(12))
        .isEqualTo(String.format("13 %d.0 %d.0 %d.0 %d.0", b.x0(), b.y0(), b.width(), b.height()));
    String path = images.get(12).split(" ")[1];
    assertThat(path).startsWith(CubLayout.classDir(scene.classes()[0]) + "/");
    assertThat(labels.get(12)).isEqualTo("13 " + (scene.classes()[0] + 1));
    BufferedImage jpg = ImageIO.read(dir.resolve("images").resolve(path).toFile());
    assertThat(jpg.getWidth()).isEqualTo(32);
    BufferedImage seg =
        ImageIO.read(dir.resolve("segmentations").resolve(path.replace(".jpg", ".png")).toFile());
    assertThat(Images.indicesOf(seg).data()).containsOnly((byte) 0, (byte) 255);
    assertThat(Files.readAllLines(dir.resolve("parts/parts.txt")))
        .containsExactly("1 beak", "2 left eye", "3 right eye", "4 tail", "5 wing patch");
    List<String> locs = Files.readAllLines(dir.resolve("parts/part_locs.txt"));
    assertThat(locs).hasSize(18 * 5);
    // image 13's parts: one eye seen, the other hidden at 0 0 as CUB writes it
    List<String> eyes = locs.subList(12 * 5 + 1, 12 * 5 + 3);
    assertThat(eyes).filteredOn(l -> l.endsWith(" 1")).hasSize(1);
    assertThat(eyes).filteredOn(l -> l.endsWith(" 0.0 0.0 0")).hasSize(1);
    assertThat(locs.get(12 * 5)).startsWith("13 1 ");
  }

  @Test
  void vocWritesXmlPalettePngsAndSplitLists() throws Exception {
    new VocLayout().write(CFG, dir);
    assertThat(Files.readAllLines(dir.resolve("ImageSets/Main/train.txt"))).hasSize(12);
    assertThat(Files.readAllLines(dir.resolve("ImageSets/Segmentation/val.txt"))).hasSize(6);
    assertThat(Files.readAllLines(dir.resolve("ImageSets/Main/trainval.txt"))).hasSize(18);
    assertThat(Files.readAllLines(dir.resolve("ImageSets/Main/red_disc_val.txt")))
        .hasSize(6)
        .allMatch(l -> l.endsWith(" 1") || l.endsWith("-1"));
    SyntheticScene scene =
        new SyntheticDataset(CFG.toBuilder().optTask("multilabel").build(), Split.TRAIN).scene(2);
    String xml = Files.readString(dir.resolve("Annotations/2012_000002.xml"));
    Box b = scene.boxes().get(0);
    assertThat(xml)
        .contains("<xmin>" + (b.x0() + 1) + "</xmin>")
        .contains("<ymax>" + (b.y1() + 1) + "</ymax>");
    BufferedImage png = ImageIO.read(dir.resolve("SegmentationClass/2012_000002.png").toFile());
    byte[] labels = Images.indicesOf(png).data();
    byte[] expected = scene.classMap().data();
    for (int p = 0; p < labels.length; p++) {
      // every pixel is the class map's label, or 255 on an object outline
      assertThat(labels[p] == expected[p] || (labels[p] == (byte) 255 && expected[p] != 0))
          .isTrue();
    }
    assertThat(labels).contains((byte) 255);
  }

  @Test
  void marketNamesCarryIdentityAndCamera() throws Exception {
    LayoutSummary s = new MarketLayout().write(CFG, dir);
    assertThat(s.images())
        .containsEntry("query", 8)
        .containsEntry("bounding_box_train", 12)
        .containsEntry("bounding_box_test", 6 + 2 * MarketLayout.extrasOf(CFG));
    try (Stream<Path> files = Files.list(dir.resolve("query"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .contains(
              "0005_c1s1_500000_01.jpg", "0005_c2s1_500001_01.jpg", "0008_c2s1_500007_01.jpg");
    }
    try (Stream<Path> files = Files.list(dir.resolve("bounding_box_test"))) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("-1_")))
          .hasSize(1);
    }
  }

  @Test
  void imageFolderIsLosslessAndUsesClassFolders() throws Exception {
    new ImageFolderLayout().write(CFG, dir);
    SyntheticDataset ds = new SyntheticDataset(CFG, Split.VAL);
    SyntheticScene scene = ds.scene(3);
    Path file =
        dir.resolve("val")
            .resolve(CubLayout.classDir(scene.classes()[0]))
            .resolve(ImageFolderLayout.fileName(3));
    float[] read = Images.fromBuffered(ImageIO.read(file.toFile())).data();
    float[] orig = scene.image().data();
    for (int p = 0; p < read.length; p++) {
      assertThat(Math.abs(read[p] - orig[p])).isLessThanOrEqualTo(0.5f / 255f + 1e-6f);
    }
  }

  @Test
  void unknownLayoutNamesTheKnownOnes() {
    assertThatThrownBy(() -> Layout.named("coco"))
        .isInstanceOf(FgaUserException.class)
        .hasMessage(
            "unknown layout 'coco'; known: cub, voc, market, imagefolder, imagenet, aircraft,"
                + " nabirds, cars, dogs");
  }
}
