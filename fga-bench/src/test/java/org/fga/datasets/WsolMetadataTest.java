package org.fga.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.fga.core.data.Box;
import org.fga.core.data.provider.DataConfig;
import org.fga.core.data.Split;
import org.fga.bench.layout.CubLayout;
import org.fga.bench.layout.ImageNetLayout;
import org.fga.datasets.synthetic.SyntheticConfig;
import org.fga.datasets.cub.CubConfig;
import org.fga.datasets.wsol.WsolMetadataWriter;
import org.fga.datasets.wsol.WsolMetadataWriter.Row;
import org.fga.datasets.imagefolder.ImageFolderConfig;
import org.fga.datasets.wsol.MetadataSplit;
import org.fga.core.error.FgaUserException;
import org.fga.core.plugin.Plugins;
import org.fga.core.spec.EvalSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Splits from wsolevaluation metadata folders, on fixtures in the layout the RFGA specs expect:
 * {@code data/ILSVRC} (train/, the flat val/, ImageNetV2 as val2/<class index>/), {@code
 * data/CUB_200_2011}, CUBV2 as {@code data/CUBV2/<class folder>/} and the metadata under {@code
 * data/wsolevaluation/metadata/{ILSVRC,CUB}/{val,test}}, each written here from the readers' own
 * splits.
 */
class WsolMetadataTest {
  /** The readers' fixture settings: both tests describe the same small dataset. */
  static final SyntheticConfig CFG = ReadersTest.CFG;
  static final Plugins PLUGINS = Plugins.load();

  @TempDir static Path dir;
  static Path data;
  static Path metadata;

  /** The rows written into each metadata folder, by folder (e.g. CUB/val). */
  static final Map<String, List<Row>> WRITTEN = new LinkedHashMap<>();

  @BeforeAll
  static void writeFixtures() throws Exception {
    data = dir.resolve("data");
    metadata = data.resolve("wsolevaluation/metadata");
    Path ilsvrc = data.resolve("ILSVRC");
    new ImageNetLayout().write(CFG, ilsvrc);
    new CubLayout().write(CFG, data.resolve("CUB_200_2011"));

    // ImageNetV2 stand-in: copies of six training images in val2/<class index>/<n>.jpeg; the
    // first has two boxes
    List<Row> v2 = new ArrayList<>();
    List<Entry> train = open(ImageFolderConfig.of(ilsvrc.toString()), Split.TRAIN).entries();
    for (int k = 0; k < 6; k++) {
      Entry e = train.get(k * 2);
      String id = "val2/" + e.label() + "/" + k + ".jpeg";
      copy(e.image(), ilsvrc.resolve(id));
      List<Box> boxes =
          k == 0 ? List.of(new Box(1, 2, 20, 30), new Box(10, 0, 39, 9)) : List.of(box(k));
      v2.add(new Row(id, e.label(), boxes));
    }
    writeMetadata(metadata.resolve("ILSVRC/val"), v2, ilsvrc);

    // the official validation images, labelled and boxed as the devkit and box XML say
    List<Row> test = new ArrayList<>();
    ImageFolderConfig devkit =
        new ImageFolderConfig(
            ilsvrc.toString(),
            0,
            false,
            ilsvrc.resolve("val_boxes").toString(),
            ilsvrc.resolve("ILSVRC2012_devkit_t12").toString(),
            null,
            null);
    for (Entry e : open(devkit, Split.TEST).entries()) {
      test.add(new Row(e.id(), e.label(), e.boxes()));
    }
    writeMetadata(metadata.resolve("ILSVRC/test"), test, ilsvrc);

    // CUBV2 stand-in: copies of five training images under their class folders
    Path cubImages = data.resolve("CUB_200_2011/images");
    List<Row> cubV2 = new ArrayList<>();
    List<Entry> cubTrain = open(CubConfig.of(data.toString()), Split.TRAIN).entries();
    for (int k = 0; k < 5; k++) {
      Entry e = cubTrain.get(k * 3);
      String id = CubLayout.classDir(e.label()) + "/" + (30107316 + k) + ".jpg";
      copy(e.image(), data.resolve("CUBV2").resolve(id));
      cubV2.add(new Row(id, e.label(), List.of(box(k))));
    }
    writeMetadata(metadata.resolve("CUB/val"), cubV2, data.resolve("CUBV2"));
    List<Row> cubTest = new ArrayList<>();
    for (Entry e : open(CubConfig.of(data.toString()), Split.TEST).entries()) {
      cubTest.add(new Row(e.id().substring("images/".length()), e.label(), e.boxes()));
    }
    writeMetadata(metadata.resolve("CUB/test"), cubTest, cubImages);
  }

  @Test
  void imageNetValAndTestComeFromTheMetadataWithTheirLabelsAndEveryBox() {
    ImageFolderConfig cfg = imagenet();
    assertThat(provider("imagefolder").splits(cfg))
        .containsExactly(Split.TRAIN, Split.VAL, Split.TEST);
    assertThat(open(cfg, Split.TRAIN).size()).isEqualTo(16); // still the train/ folders
    FileDataset val = open(cfg, Split.VAL);
    FileDataset test = open(cfg, Split.TEST);
    assertThat(val.size()).isEqualTo(6);
    assertThat(test.size()).isEqualTo(8);
    assertThat(val.info().classNames()).hasSize(5).startsWith(ImageNetLayout.wnid(0));
    assertMatches(val, WRITTEN.get("ILSVRC/val"), data.resolve("ILSVRC"));
    assertMatches(test, WRITTEN.get("ILSVRC/test"), data.resolve("ILSVRC"));
    assertThat(val.entries().get(0).boxes()).hasSize(2);
    // the images decode, boxes intact
    assertThat(FileDataset.load(val.entries().get(0)).boxes())
        .containsExactly(new Box(1, 2, 20, 30), new Box(10, 0, 39, 9));
  }

  @Test
  void cubHeldOutIsCubV2FromItsOwnFolderAndTestFollowsTheMetadata() {
    CubConfig cfg = cub();
    assertThat(provider("cub").splits(cfg)).containsExactly(Split.TRAIN, Split.VAL, Split.TEST);
    // metadata splits have no official count; training keeps CUB's
    assertThat(provider("cub").officialCounts(cfg)).containsOnlyKeys(Split.TRAIN);
    FileDataset val = open(cfg, Split.VAL);
    FileDataset test = open(cfg, Split.TEST);
    FileDataset official = open(CubConfig.of(data.toString()), Split.TEST);
    assertThat(val.size()).isEqualTo(5);
    assertThat(test.size()).isEqualTo(official.size()).isEqualTo(8);
    assertThat(val.info()).isEqualTo(official.info());
    assertMatches(val, WRITTEN.get("CUB/val"), data.resolve("CUBV2"));
    assertMatches(test, WRITTEN.get("CUB/test"), data.resolve("CUB_200_2011/images"));
    for (int i = 0; i < test.size(); i++) {
      assertThat(test.entries().get(i).image()).isEqualTo(official.entries().get(i).image());
      assertThat(test.entries().get(i).label()).isEqualTo(official.entries().get(i).label());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "rfga_resnet50_imagenet.yaml",
        "cam_resnet50_imagenet.yaml",
        "rfga_resnet50_cub.yaml",
        "cam_resnet50_cub.yaml"
      })
  void theRfgaSpecsChooseThresholdsOnImagesTheyDoNotReport(String file) throws IOException {
    // the spec's data and eval blocks (its method and backbone live in other modules), with the
    // data paths, relative to the working directory, moved onto the fixture
    String text = Files.readString(Path.of("..", "configs", "rfga", file));
    JsonNode spec = PLUGINS.yaml().readTree(text.replaceAll("(?<=[\\s{:])data/", data + "/"));
    DataConfig cfg = PLUGINS.yaml().treeToValue(spec.get("data"), DataConfig.class);
    // metric names resolve to fga-eval's option records, which are not on the core's class path
    ((com.fasterxml.jackson.databind.node.ObjectNode) spec.get("eval")).remove("metrics");
    EvalSpec eval = PLUGINS.yaml().treeToValue(spec.get("eval"), EvalSpec.class);
    assertThat(eval.heldOut()).isEqualTo("val");
    assertThat(eval.split()).isEqualTo("test");
    FileDataset heldOut = open(cfg, Split.VAL);
    FileDataset reported = open(cfg, Split.TEST);
    FileDataset train = open(cfg, Split.TRAIN);
    assertThat(heldOut.size()).isPositive();
    assertThat(reported.size()).isPositive();
    Set<Path> held = images(heldOut);
    assertThat(held).doesNotContainAnyElementsOf(images(reported));
    assertThat(held).doesNotContainAnyElementsOf(images(train));
  }

  @Test
  void aMalformedLineIsOneErrorNamingFileAndLine(@TempDir Path tmp) throws IOException {
    Path meta = copyMetadata("ILSVRC/val", tmp);
    Path labels = meta.resolve("class_labels.txt");
    List<String> lines = new ArrayList<>(Files.readAllLines(labels));
    lines.add(1, ""); // blank lines count: the number is the one an editor shows
    lines.set(2, lines.get(2).replace(',', ';'));
    Files.write(labels, lines);
    assertThatThrownBy(() -> open(imagenet(meta), Split.VAL))
        .isInstanceOf(FgaUserException.class)
        .hasMessage(
            labels
                + " line 3: expected '<image>,<class index>', got '"
                + lines.get(2)
                + "'");

    Path boxes = copyMetadata("ILSVRC/val", tmp.resolve("b")).resolve("localization.txt");
    List<String> b = new ArrayList<>(Files.readAllLines(boxes));
    b.set(1, b.get(1).replaceFirst(",\\d+$", ",x"));
    Files.write(boxes, b);
    assertThatThrownBy(() -> open(imagenet(boxes.getParent()), Split.VAL))
        .hasMessage(boxes + " line 2: 'x' is not an integer");
  }

  @Test
  void anImageListedButMissingIsNamed(@TempDir Path tmp) throws IOException {
    Path meta = copyMetadata("CUB/val", tmp);
    Path images = tmp.resolve("CUBV2");
    for (Row r : WRITTEN.get("CUB/val")) {
      copy(data.resolve("CUBV2").resolve(r.id()), images.resolve(r.id()));
    }
    String gone = WRITTEN.get("CUB/val").get(3).id();
    Files.delete(images.resolve(gone));
    CubConfig cfg =
        CubConfig.of(data.toString())
            .withSplits(Map.of("val", new MetadataSplit(meta.toString(), images.toString())));
    assertThatThrownBy(() -> open(cfg, Split.VAL))
        .isInstanceOf(FgaUserException.class)
        .hasMessage(
            meta.resolve("image_ids.txt")
                + " line 4: image "
                + images.resolve(gone)
                + " not found (1 of 5 listed images are missing under "
                + images
                + ")");
  }

  @Test
  void labelsMustFitTheReadersClassesAndEveryImageNeedsOne(@TempDir Path tmp) throws IOException {
    Path meta = copyMetadata("CUB/val", tmp);
    Path labels = meta.resolve("class_labels.txt");
    List<String> lines = new ArrayList<>(Files.readAllLines(labels));
    String first = lines.get(0);
    MetadataSplit split = new MetadataSplit(meta.toString(), data.resolve("CUBV2").toString());
    CubConfig cfg = CubConfig.of(data.toString()).withSplits(Map.of("val", split));

    lines.set(0, first.replaceFirst(",\\d+$", ",5"));
    Files.write(labels, lines);
    assertThatThrownBy(() -> open(cfg, Split.VAL))
        .hasMessageStartingWith(labels + " line 1: class 5 of image ")
        .hasMessageEndingWith(" is outside 0..4, the dataset's classes");

    // a label in another class order than the class folder the image lies in
    Row row = WRITTEN.get("CUB/val").get(0);
    int other = (row.label() + 1) % 5;
    lines.set(0, row.id() + "," + other);
    Files.write(labels, lines);
    assertThatThrownBy(() -> open(cfg, Split.VAL))
        .hasMessageContaining(labels + " line 1: image " + row.id() + " is labelled " + other)
        .hasMessageContaining("class " + row.label() + " (" + CubLayout.classDir(row.label()));

    lines.remove(0);
    Files.write(labels, lines);
    assertThatThrownBy(() -> open(cfg, Split.VAL))
        .hasMessage(labels + " has no line for image " + row.id() + " (image_ids.txt line 1)");
  }

  @Test
  void boxesMustLieInsideTheListedImageSize(@TempDir Path tmp) throws IOException {
    Path meta = copyMetadata("ILSVRC/val", tmp);
    Path boxes = meta.resolve("localization.txt");
    List<String> b = new ArrayList<>(Files.readAllLines(boxes));
    String id = b.get(0).split(",")[0];
    b.set(0, id + ",1,2,40,30"); // the image is 40 wide: columns 0..39
    Files.write(boxes, b);
    assertThatThrownBy(() -> open(imagenet(meta), Split.VAL))
        .hasMessage(
            boxes + " line 1: box of image " + id + " reaches past its 40x40 pixels"
                + " (image_sizes.txt)");
  }

  @Test
  void theConfigsRefuseUnknownSplitsAndTwoSourcesOfVal() {
    assertThatThrownBy(
            () -> PLUGINS.yaml().readValue(
                "{type: imagefolder, root: /x, splits: {holdout: {metadata: /m}}}",
                DataConfig.class))
        .hasRootCauseMessage(
            "data.splits: unknown split 'holdout'; metadata can replace train, val or test");
    assertThatThrownBy(
            () -> PLUGINS.yaml().readValue(
                "{type: cub, root: /x, heldOutPerClass: 5, splits: {val: {metadata: /m}}}",
                DataConfig.class))
        .hasRootCauseMessage(
            "data.heldOutPerClass and data.splits.val both define the val split; set one of them");
    assertThatThrownBy(
            () -> PLUGINS.yaml().readValue(
                "{type: cub, root: /x, heldOutPerClass: 5, splits: {train: {metadata: /m}}}",
                DataConfig.class))
        .hasRootCauseMessage(
            "data.heldOutPerClass holds out official training images, but data.splits.train reads"
                + " training images from metadata that may include them; set one of them");
    assertThatThrownBy(
            () -> PLUGINS.yaml().readValue(
                "{type: cub, root: /x, splits: {val: {images: /i}}}", DataConfig.class))
        .hasRootCauseMessage("data.splits: every split needs a metadata folder");
  }

  // --- helpers

  private static ImageFolderConfig imagenet() {
    return imagenet(metadata.resolve("ILSVRC/val"));
  }

  private static ImageFolderConfig imagenet(Path val) {
    return ImageFolderConfig.of(data.resolve("ILSVRC").toString())
        .withSplits(
            Map.of(
                "val", new MetadataSplit(val.toString(), null),
                "test", new MetadataSplit(metadata.resolve("ILSVRC/test").toString(), null)));
  }

  private static CubConfig cub() {
    return CubConfig.of(data.toString())
        .withSplits(
            Map.of(
                "val",
                new MetadataSplit(
                    metadata.resolve("CUB/val").toString(), data.resolve("CUBV2").toString()),
                "test",
                new MetadataSplit(metadata.resolve("CUB/test").toString(), null)));
  }

  private static DiskDatasetProvider provider(String name) {
    return (DiskDatasetProvider) PLUGINS.datasets().get(name);
  }

  private static FileDataset open(DataConfig cfg, Split split) {
    String type = cfg.getClass().getAnnotation(JsonTypeName.class).value();
    return provider(type).open(cfg, split);
  }

  private static void assertMatches(FileDataset ds, List<Row> rows, Path images) {
    assertThat(ds.size()).isEqualTo(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Entry e = ds.entries().get(i);
      Row r = rows.get(i);
      assertThat(e.id()).isEqualTo(r.id());
      assertThat(e.image()).isEqualTo(images.resolve(r.id()));
      assertThat(e.label()).as("label of %s", r.id()).isEqualTo(r.label());
      assertThat(e.boxes()).as("boxes of %s", r.id()).isEqualTo(r.boxes());
    }
  }

  private static Set<Path> images(FileDataset ds) {
    Set<Path> out = new HashSet<>();
    for (Entry e : ds.entries()) {
      out.add(e.image().toAbsolutePath().normalize());
    }
    return out;
  }

  private static Box box(int k) {
    return new Box(k, k + 1, 30 - k, 35 - k);
  }

  /** The four files, in wsolevaluation's format, of {@code rows} of images under {@code images}. */
  private static void writeMetadata(Path folder, List<Row> rows, Path images) throws IOException {
    WsolMetadataWriter.write(folder, rows, images);
    WRITTEN.put(metadata.relativize(folder).toString(), List.copyOf(rows));
  }

  private static Path copyMetadata(String name, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> s = Files.list(metadata.resolve(name))) {
      for (Path p : s.toList()) {
        Files.copy(p, to.resolve(p.getFileName().toString()));
      }
    }
    return to;
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(from, to);
  }
}
