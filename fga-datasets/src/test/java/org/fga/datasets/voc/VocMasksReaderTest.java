package org.fga.datasets.voc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fga.core.data.Mask;
import org.fga.core.data.Sample;
import org.fga.core.data.Split;
import org.fga.core.data.Task;
import org.fga.datasets.io.Images;
import org.fga.datasets.Entry;
import org.fga.datasets.FileDataset;
import org.fga.core.error.FgaUserException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;

/**
 * The multi-label VOC reader with segmentation masks, on a tiny fixture in the real layout: {@code
 * VOCdevkit/VOC2012/{JPEGImages, Annotations, SegmentationClass, ImageSets/Segmentation}} and SBD's
 * {@code benchmark_RELEASE/dataset/{cls/*.mat, train.txt, val.txt}}, images of different sizes
 * (landscape and portrait), VOC masks with void (255) borders.
 *
 * <p>VOC seg train = a, b, c; VOC seg val = v1, v2; SBD train = a, d, v2; SBD val = e. So train_aug
 * = (a, d, v2) ∪ (e) ∪ (a, b, c) − (v1, v2) = a, b, c, d, e. Image a has both a VOC PNG and an SBD
 * mat, which differ: the PNG must win.
 */
class VocMasksReaderTest {
  /** Image sizes (width, height): every one different, b and e portrait. */
  private static final Map<String, int[]> SIZES =
      Map.of(
          "2008_000001", new int[] {30, 20},
          "2008_000002", new int[] {18, 34},
          "2008_000003", new int[] {26, 22},
          "2008_000004", new int[] {40, 24},
          "2008_000005", new int[] {16, 28},
          "2008_000006", new int[] {24, 24},
          "2008_000007", new int[] {36, 20});

  private static final String A = "2008_000001";
  private static final String B = "2008_000002";
  private static final String C = "2008_000003";
  private static final String D = "2008_000004";
  private static final String E = "2008_000005";
  private static final String V1 = "2008_000006";
  private static final String V2 = "2008_000007";

  @TempDir Path dir;
  private Path voc;
  private Path sbd;

  @BeforeEach
  void writeFixture() throws Exception {
    voc = dir.resolve("VOCdevkit/VOC2012");
    sbd = dir.resolve("benchmark_RELEASE/dataset");
    Files.createDirectories(voc.resolve("JPEGImages"));
    Files.createDirectories(voc.resolve("Annotations"));
    Files.createDirectories(voc.resolve("SegmentationClass"));
    Files.createDirectories(voc.resolve("ImageSets/Segmentation"));
    Files.createDirectories(sbd.resolve("cls"));
    int k = 0;
    for (String id : SIZES.keySet().stream().sorted().toList()) {
      int[] s = SIZES.get(id);
      BufferedImage img = new BufferedImage(s[0], s[1], BufferedImage.TYPE_INT_RGB);
      img.setRGB(0, 0, 0x336699 + k++);
      Images.writeJpeg(img, voc.resolve("JPEGImages").resolve(id + ".jpg"), 0.9f);
    }
    // labels: class 1 (bicycle) everywhere, a second class on some; a difficult-only class on c
    xml(A, obj("bicycle", false), obj("person", false));
    xml(B, obj("bicycle", false));
    xml(C, obj("bicycle", false), obj("dog", true));
    xml(D, obj("cat", false));
    xml(E, obj("bicycle", false), obj("cat", false));
    xml(V1, obj("person", false));
    xml(V2, obj("bicycle", false));
    // VOC PNGs for the segmentation images (void border), SBD mats for SBD's
    for (String id : List.of(A, B, C, V1, V2)) {
      Images.writePng(
          Images.paletteOf(labelMap(id, 2, true)),
          voc.resolve("SegmentationClass").resolve(id + ".png"));
    }
    for (String id : List.of(A, D, E, V2)) {
      writeSbdMat(sbd.resolve("cls").resolve(id + ".mat"), labelMap(id, 15, false));
    }
    Files.write(voc.resolve("ImageSets/Segmentation/train.txt"), List.of(A, B, C));
    Files.write(voc.resolve("ImageSets/Segmentation/val.txt"), List.of(V1, V2));
    Files.write(sbd.resolve("train.txt"), List.of(A, D, V2));
    Files.write(sbd.resolve("val.txt"), List.of(E));
  }

  private VocConfig cfg(String trainSet, String masks, boolean withSbd) {
    return new VocConfig(
        dir.toString(),
        0,
        false,
        "multilabel",
        trainSet,
        null,
        false,
        withSbd ? dir.resolve("benchmark_RELEASE").toString() : null,
        masks);
  }

  private static FileDataset open(VocConfig cfg, Split split) {
    return new VocDatasetProvider().open(cfg, split);
  }

  @Test
  void trainAugIsSbdTrainAndValPlusVocTrainMinusVocVal() {
    FileDataset train = open(cfg("train_aug", "all", true), Split.TRAIN);
    assertThat(train.info().task()).isEqualTo(Task.MULTILABEL);
    assertThat(train.entries().stream().map(Entry::id))
        .containsExactly(jpg(A), jpg(B), jpg(C), jpg(D), jpg(E));
    assertThat(new VocDatasetProvider().officialSizes(cfg("train_aug", "all", true)))
        .containsEntry(Split.TRAIN, 10582)
        .containsEntry(Split.VAL, 1449);
  }

  @Test
  void everySampleCarriesLabelsAndItsOwnMaskWithVoidKept() {
    FileDataset train = open(cfg("train_aug", "all", true), Split.TRAIN);
    for (int i = 0; i < train.size(); i++) {
      Sample s = train.get(i);
      String id = train.entries().get(i).id().substring("JPEGImages/".length(), 22);
      int[] size = SIZES.get(id);
      assertThat(s.image().width()).isEqualTo(size[0]);
      assertThat(s.image().height()).isEqualTo(size[1]);
      assertThat(s.objectMask()).as(id).isNotNull();
      boolean fromVoc = List.of(A, B, C).contains(id);
      // the VOC PNG wins over SBD's mat for a (the two differ in class and void)
      assertThat(s.objectMask().data()).as(id).isEqualTo(labelMap(id, fromVoc ? 2 : 15, fromVoc).data());
      assertThat(train.entries().get(i).maskKind())
          .isEqualTo(fromVoc ? Entry.MaskKind.INDICES : Entry.MaskKind.SBD_MAT);
      assertThat(s.boxes()).isNotEmpty();
    }
    assertThat(train.get(0).labels()).containsExactly(1, 14); // bicycle, person
    assertThat(train.get(2).labels()).containsExactly(1); // dog is difficult only
    assertThat(train.get(4).labels()).containsExactly(1, 7);
    long voids = countOf(train.get(1).objectMask(), Mask.IGNORE);
    assertThat(voids).isPositive();
  }

  @Test
  void valIsTheSegmentationValListWithMasks() {
    FileDataset val = open(cfg("train_aug", "seg-train", true), Split.VAL);
    assertThat(val.entries().stream().map(Entry::id)).containsExactly(jpg(V1), jpg(V2));
    for (int i = 0; i < val.size(); i++) {
      assertThat(val.get(i).objectMask()).isNotNull();
      assertThat(val.entries().get(i).maskKind()).isEqualTo(Entry.MaskKind.INDICES);
    }
    assertThat(open(cfg("train_aug", "seg-train", true), Split.TEST).size()).isEqualTo(2);
  }

  @Test
  void segTrainGivesMasksToExactlyVocSegmentationTrain() {
    FileDataset train = open(cfg("train_aug", "seg-train", true), Split.TRAIN);
    assertThat(train.size()).isEqualTo(5);
    for (int i = 0; i < train.size(); i++) {
      Sample s = train.get(i);
      boolean labelled = i < 3; // a, b, c
      assertThat(s.objectMask() != null).as(s.id()).isEqualTo(labelled);
      // no boxes either outside the set: a box-mask fallback must not supervise those images
      assertThat(s.boxes() != null).as(s.id()).isEqualTo(labelled);
      assertThat(s.labels()).isNotEmpty();
    }
  }

  @Test
  void aNamedListPicksThePixelLabelledImages() throws Exception {
    Path list = dir.resolve("my200.txt");
    Files.write(list, List.of(D, B));
    FileDataset train = open(cfg("train_aug", list.toString(), true), Split.TRAIN);
    List<String> masked = new ArrayList<>();
    for (int i = 0; i < train.size(); i++) {
      if (train.get(i).objectMask() != null) {
        masked.add(train.entries().get(i).id());
      }
    }
    assertThat(masked).containsExactly(jpg(B), jpg(D));
    Files.write(list, List.of(B, V1));
    assertThatThrownBy(() -> open(cfg("train_aug", list.toString(), true), Split.TRAIN))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("1 of its 2 ids are not in the training list")
        .hasMessageContaining(V1);
    assertThatThrownBy(() -> open(cfg("train_aug", "segtrain", true), Split.TRAIN))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("data.masks must be none, val, all, seg-train or a list file");
  }

  @Test
  void valModeGivesMasksToTheEvaluatedSplitsOnly() {
    FileDataset train = open(cfg("train", "val", false), Split.TRAIN);
    assertThat(train.size()).isEqualTo(3); // VOC seg train
    for (int i = 0; i < train.size(); i++) {
      assertThat(train.get(i).objectMask()).isNull();
    }
    assertThat(open(cfg("train", "val", false), Split.VAL).get(0).objectMask()).isNotNull();
  }

  @Test
  void withoutSbdAUserProvidedTrainAugListIsRead() throws Exception {
    assertThatThrownBy(() -> open(cfg("train_aug", "all", false), Split.TRAIN))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("data.sbd");
    Files.write(voc.resolve("ImageSets/Segmentation/train_aug.txt"), List.of(A, B, C, D));
    FileDataset train = open(cfg("train_aug", "seg-train", false), Split.TRAIN);
    assertThat(train.entries().stream().map(Entry::id))
        .containsExactly(jpg(A), jpg(B), jpg(C), jpg(D));
    // d has no VOC PNG and no SBD folder is set: named in a one-line error when it needs a mask
    assertThatThrownBy(() -> open(cfg("train_aug", "all", false), Split.TRAIN))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining(D)
        .hasMessageContaining("data.sbd");
  }

  @Test
  void masksIsAMultilabelKey() {
    assertThatThrownBy(
            () -> new VocConfig(dir.toString(), 0, false, "segmentation", null, null, false, null, "all"))
        .hasMessageContaining("data.masks is for task multilabel");
    assertThat(VocConfig.of(dir.toString()).masks()).isEqualTo("none");
    assertThat(VocConfig.fromJson(dir.toString(), null, null, null, null, null, null, null, "seg-train").withMasks())
        .isTrue();
  }

  private static String jpg(String id) {
    return "JPEGImages/" + id + ".jpg";
  }

  private static long countOf(Mask m, int v) {
    long n = 0;
    for (byte b : m.data()) {
      n += (b & 0xFF) == v ? 1 : 0;
    }
    return n;
  }

  /** A centred rectangle of class {@code cls}, optionally with a one-pixel void border. */
  private static Mask labelMap(String id, int cls, boolean voidBorder) {
    int[] s = SIZES.get(id);
    Mask m = Mask.zeros(s[1], s[0]);
    int x0 = s[0] / 4;
    int y0 = s[1] / 4;
    int x1 = 3 * s[0] / 4;
    int y1 = 3 * s[1] / 4;
    for (int y = y0 - 1; y <= y1 + 1; y++) {
      for (int x = x0 - 1; x <= x1 + 1; x++) {
        boolean inside = y >= y0 && y <= y1 && x >= x0 && x <= x1;
        if (inside) {
          m.set(y, x, cls);
        } else if (voidBorder) {
          m.set(y, x, Mask.IGNORE);
        }
      }
    }
    return m;
  }

  private void xml(String id, String... objects) throws Exception {
    int[] s = SIZES.get(id);
    Files.writeString(
        voc.resolve("Annotations").resolve(id + ".xml"),
        "<annotation><filename>"
            + id
            + ".jpg</filename><size><width>"
            + s[0]
            + "</width><height>"
            + s[1]
            + "</height><depth>3</depth></size>"
            + String.join("", objects)
            + "</annotation>");
  }

  private static String obj(String name, boolean difficult) {
    return "<object><name>"
        + name
        + "</name><difficult>"
        + (difficult ? 1 : 0)
        + "</difficult><bndbox><xmin>2</xmin><ymin>3</ymin><xmax>10</xmax><ymax>12</ymax></bndbox></object>";
  }

  /** SBD's layout: variable {@code GTcls}, a struct whose {@code Segmentation} is a uint8 matrix. */
  private static void writeSbdMat(Path file, Mask m) throws Exception {
    Matrix seg = Mat5.newMatrix(m.height(), m.width(), MatlabType.UInt8);
    for (int y = 0; y < m.height(); y++) {
      for (int x = 0; x < m.width(); x++) {
        seg.setDouble(y, x, m.get(y, x));
      }
    }
    Mat5.writeToFile(
        Mat5.newMatFile().addArray("GTcls", Mat5.newStruct().set("Segmentation", seg)), file.toFile());
  }
}
