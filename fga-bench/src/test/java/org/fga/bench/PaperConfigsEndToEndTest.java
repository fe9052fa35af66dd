package org.fga.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.fga.core.data.Split;
import org.fga.bench.layout.CubLayout;
import org.fga.bench.layout.ImageNetLayout;
import org.fga.bench.layout.Layout;
import org.fga.datasets.synthetic.SyntheticConfig;
import org.fga.datasets.Entry;
import org.fga.datasets.FileDataset;
import org.fga.datasets.wsol.WsolMetadataWriter;
import org.fga.core.plugin.Plugins;
import org.fga.core.run.ExperimentRunner;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.SpecReader;
import org.fga.core.spec.SpecTree;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every committed paper row, pointed at a tiny copy of its dataset in the official on-disk layout,
 * trains and evaluates to the end. The copy has what real data has: every image its own size and
 * aspect (portrait and landscape), greyscale JPEGs among the colour ones, ImageNet's PNG stored as
 * .JPEG, and wsolevaluation metadata where the spec reads it. Only the model and the schedule are
 * shrunk, with the same {@code -o} overrides a user would type; the pipeline, the method and the
 * evaluation are the file's own. A new row on a known dataset is covered without editing this
 * test; a new dataset needs its fixture writer below.
 */
class PaperConfigsEndToEndTest {
  static final Plugins PLUGINS = Plugins.load();
  static final Path CONFIGS = Path.of("..", "configs");

  static Stream<Named<Path>> paperConfigs() throws IOException {
    try (Stream<Path> s = Files.walk(CONFIGS)) {
      return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json"))
          .filter(p -> !p.toString().contains("/synthetic/") && !p.toString().contains("/tables/"))
          .sorted()
          .map(p -> Named.of(CONFIGS.relativize(p).toString(), p))
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paperConfigs")
  void runsToTheEndOnItsDatasetsOfficialLayout(Path file, @TempDir Path dir) throws Exception {
    ObjectNode tree = SpecTree.load(file, PLUGINS.yaml());
    JsonNode data = tree.path("data");
    String type = data.path("type").asText();
    List<String> overrides = new ArrayList<>();
    // every path of the data block moves under the fixture, as -o data.root=... would
    collectPaths(data, "data", dir, overrides);
    overrides.addAll(writeFixture(type, data, dir));
    boolean reid = tree.path("schedule").has("instancesPerIdentity");
    // the smallest member of the row's own family: a ResNet stays a ResNet, a VGG a VGG (whose
    // stage names the method's tap refers to)
    String arch = tree.path("backbone").path("arch").asText().startsWith("vgg") ? "vgg16" : "resnet18";
    overrides.addAll(List.of(
        "backbone.arch=" + arch, "backbone.width=8", "backbone.weights=null",
        "schedule.epochs=1", "schedule.batchSize=" + (reid ? 8 : 4), "eval.overlays=1"));
    if (tree.has("init")) { // a reference run's starting draws fit the full-size model only (InitWeightsTest reads such a file)
      overrides.add("init=null");
    }
    if (tree.path("eval").has("linearProbe")) { // the second phase shrunk alike
      overrides.addAll(List.of("eval.linearProbe.epochs=1", "eval.linearProbe.batchSize=4"));
    }
    ExperimentSpec spec = new SpecReader(PLUGINS).read(file, overrides);
    Path run = dir.resolve("run");
    new ExperimentRunner(PLUGINS, System.err, true).start(spec, run);
    JsonNode metrics = PLUGINS.json().readTree(run.resolve("metrics.json").toFile()).path("metrics");
    for (var m : spec.eval().metricsOrDefault(PLUGINS.metrics())) {
      String name = org.fga.core.naming.ConfigTypes.nameOf(m);
      assertThat(metrics.has(name)).as("%s: metrics.json has %s (got %s)", file, name, metrics.fieldNames()).isTrue();
    }
  }

  @org.junit.jupiter.api.Test
  void theDryRunOfTheCalCubRowReports28x28MapsAt448AndWritesNothing(@TempDir Path dir) throws Exception {
    Path file = CONFIGS.resolve("cal/cal_resnet101_cub.yaml");
    new CubLayout().write(small().build(), dir.resolve("data/CUB_200_2011"));
    Path out = dir.resolve("runs");
    Cli cli = Cli.run("train", "--dry-run", file.toString(), "--out", out.toString(),
        "-o", "data.root=" + dir.resolve("data/CUB_200_2011"), "-o", "backbone.weights=null",
        "-o", "backbone.arch=resnet18", "-o", "backbone.width=8", "-o", "schedule.batchSize=4");
    assertThat(cli.exit()).as(cli.err()).isZero();
    JsonNode report = PLUGINS.json().readTree(cli.out());
    JsonNode layer4 = report.path("featureMaps").get(3);
    assertThat(layer4.path("tap").asText()).isEqualTo("layer4");
    assertThat(layer4.path("height").asInt()).isEqualTo(28);
    assertThat(layer4.path("width").asInt()).isEqualTo(28);
    assertThat(report.path("splits").path("train").path("official").asInt()).isEqualTo(5994);
    assertThat(report.path("estimatedTotalSeconds").asDouble()).isPositive();
    // the default dry run takes no training step: a forward pass at batch 1 and shapes only
    assertThat(report.path("timing").asText()).isEqualTo("estimate from backbone forward passes");
    assertThat(report.has("firstLosses")).isFalse();
    assertThat(report.path("stageOutputsBytes").asLong())
        .isEqualTo(4L * 4 * (8L * 112 * 112 + 16L * 56 * 56 + 32L * 28 * 28 + 64L * 28 * 28));
    assertThat(cli.err()).contains("{type: resize, size: [512, 512], interpolation: bilinear}");
    assertThat(out).doesNotExist();
  }

  @org.junit.jupiter.api.Test
  void theDryRunOfAReidRowTimesAQueryBatch(@TempDir Path dir) throws Exception {
    // re-ID sets have no 'test' split: the evaluator reports query against gallery, so must this
    Path root = dir.resolve("Market-1501");
    Layout.named("market").write(reidConfig(), root);
    Cli cli = Cli.run("train", "--dry-run", CONFIGS.resolve("cal/cal-reid_resnet50_market1501.yaml").toString(),
        "-o", "data.root=" + root, "-o", "backbone.weights=null", "-o", "backbone.arch=resnet18",
        "-o", "backbone.width=8", "-o", "schedule.batchSize=8", "--timed-steps");
    assertThat(cli.exit()).as(cli.err()).isZero();
    JsonNode report = PLUGINS.json().readTree(cli.out());
    assertThat(report.path("splits").path("query").path("official").asInt()).isEqualTo(3368);
    assertThat(report.path("timing").asText()).isEqualTo("timed steps");
    assertThat(report.path("testBatchSeconds").asDouble()).isPositive();
    assertThat(report.has("firstLosses")).isTrue();
    assertThat(report.has("everyEpochEvaluationSeconds")).isFalse();

    // eval.everyEpoch adds a test pass of the query split to every epoch but the last
    Cli every = Cli.run("train", "--dry-run", CONFIGS.resolve("cal/cal-reid_resnet50_market1501.yaml").toString(),
        "-o", "data.root=" + root, "-o", "backbone.weights=null", "-o", "backbone.arch=resnet18",
        "-o", "backbone.width=8", "-o", "schedule.batchSize=8", "-o", "eval.everyEpoch=true",
        "-o", "eval.selectBy=reid.mAP", "-o", "schedule.epochs=3", "--timed-steps");
    assertThat(every.exit()).as(every.err()).isZero();
    JsonNode r = PLUGINS.json().readTree(every.out());
    double eval = r.path("everyEpochEvaluationSeconds").asDouble();
    assertThat(eval).isPositive();
    assertThat(r.path("estimatedEpochSeconds").asDouble())
        .isCloseTo(r.path("trainStepSeconds").asDouble() * r.path("batchesPerEpoch").asInt() + eval, within(1e-9));
    assertThat(r.path("estimatedTotalSeconds").asDouble())
        .as("three epochs, the last without the extra pass")
        .isCloseTo(3 * r.path("estimatedEpochSeconds").asDouble() - eval, within(1e-6));
    // the default selectBy (accuracy.top1) names no metric a re-ID row scores: refused before anything runs
    Cli wrong = Cli.run("train", "--dry-run", CONFIGS.resolve("cal/cal-reid_resnet50_market1501.yaml").toString(),
        "-o", "data.root=" + root, "-o", "backbone.weights=null", "-o", "backbone.arch=resnet18",
        "-o", "backbone.width=8", "-o", "eval.everyEpoch=true");
    assertThat(wrong.exit()).isEqualTo(2);
    assertThat(wrong.err()).contains("eval.selectBy 'accuracy.top1' does not start with a scored metric");
  }

  /** Adds an override for every string under {@code node} that is a path below {@code data/}. */
  private static void collectPaths(JsonNode node, String key, Path dir, List<String> out) {
    if (node.isTextual() && node.asText().startsWith("data/")) {
      out.add(key + "=" + dir.resolve(node.asText()));
    } else if (node.isObject()) {
      node.fields().forEachRemaining(e -> collectPaths(e.getValue(), key + "." + e.getKey(), dir, out));
    }
  }

  private static SyntheticConfig.Builder small() {
    return SyntheticConfig.builder().optImageSize(48).optSizeJitter(0.4).optNumClasses(3)
        .optTrainSize(12).optValSize(0).optTestSize(6).optSeed(11);
  }

  /** Writes the dataset; returns overrides the fixture itself needs (VOC's class names). */
  private static List<String> writeFixture(String type, JsonNode data, Path dir) throws IOException {
    Path root = dir.resolve(data.path("root").asText());
    List<String> extra = new ArrayList<>();
    switch (type) {
      case "cub" -> {
        new CubLayout().write(small().build(), root);
        writeWsolMetadata(type, data, dir, root);
      }
      case "cars", "aircraft", "dogs", "nabirds" -> Layout.named(type).write(small().build(), root);
      case "market1501", "dukemtmc" -> Layout.named("market").write(reidConfig(), root);
      case "msmt17" -> writeMsmt17(reidConfig(), root, dir.resolve("market"));
      case "imagefolder" -> {
        new ImageNetLayout().write(small().build(), root);
        writeWsolMetadata(type, data, dir, root);
        pngStoredAsJpeg(root.resolve("train"));
      }
      case "voc" -> {
        SyntheticConfig cfg = small().optTask("multilabel").optMaxObjects(2).build();
        Layout.named("voc").write(cfg, root);
        writeSbd(root, dir.resolve(data.path("sbd").asText()));
        // the generator's class names stand for VOC's twenty
        List<String> names = new ArrayList<>();
        for (int c = 0; c < cfg.numClasses(); c++) {
          names.add(org.fga.datasets.synthetic.SyntheticGenerator.className(c));
        }
        extra.add("data.classes=" + names);
      }
      case "fashion-mnist" -> {
        // the reader's own fixture: 40 training and 20 test garments cut from the real IDX files
        String fixture = Path.of("..", "fga-datasets", "src", "test", "resources", "fashion-mnist")
            .toAbsolutePath().normalize().toString();
        if (data.path("task").asText().equals("reid")) { // identities, not image counts, size re-ID
          return List.of("data.root=" + fixture, "data.heldOut=8", "data.identities=4", "data.testIdentities=3",
              "data.distractors=2");
        }
        return List.of("data.root=" + fixture, "data.heldOut=8", "data.trainSize=8", "data.valSize=4",
            "data.testSize=4");
      }
      default -> throw new AssertionError(
          "no fixture writer for dataset '" + type + "': add one to " + PaperConfigsEndToEndTest.class.getSimpleName());
    }
    greyscaleSome(root);
    return extra;
  }

  /**
   * SBD as it unpacks ({@code benchmark_RELEASE/dataset/{cls/, train.txt, val.txt}}), naming VOC's
   * segmentation training images, so that train_aug is built from the lists as for the real sets.
   */
  private static void writeSbd(Path voc, Path sbd) throws IOException {
    Path dataset = sbd.resolve("benchmark_RELEASE/dataset");
    Files.createDirectories(dataset.resolve("cls"));
    Files.copy(voc.resolve("ImageSets/Segmentation/train.txt"), dataset.resolve("train.txt"));
    Files.writeString(dataset.resolve("val.txt"), "");
  }

  private static SyntheticConfig reidConfig() {
    return small().optTask("reid").optIdentities(4).optTestIdentities(3).optCameras(2)
        .optTrainSize(16).optTestSize(9).build();
  }

  /**
   * wsolevaluation metadata for every split the spec reads from it: {@code val} (the held-out
   * train-fullsup split) from copies of training images in its own folder, the others from the
   * reader's own split of that name.
   */
  private static void writeWsolMetadata(String type, JsonNode data, Path dir, Path root) throws IOException {
    JsonNode splits = data.path("splits");
    if (splits.isMissingNode()) {
      return;
    }
    var provider = (org.fga.datasets.DiskDatasetProvider) PLUGINS.datasets().get(type);
    var plain = PLUGINS.yaml().treeToValue(
        PLUGINS.yaml().readTree("{type: " + type + ", root: '" + root + "'"
            + (type.equals("imagefolder")
                ? ", devkit: '" + root.resolve("ILSVRC2012_devkit_t12") + "', boxes: '" + root.resolve("val_boxes") + "'"
                : "")
            + "}"), org.fga.core.data.provider.DataConfig.class);
    Path imagesDefault = type.equals("cub") ? root.resolve("images") : root;
    Iterator<Map.Entry<String, JsonNode>> it = splits.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      Path metadata = dir.resolve(e.getValue().path("metadata").asText());
      Path images = e.getValue().has("images") ? dir.resolve(e.getValue().path("images").asText()) : imagesDefault;
      List<WsolMetadataWriter.Row> rows = new ArrayList<>();
      if (e.getKey().equals("val")) {
        // copies of training images, or of test images where training images have no boxes
        // (ImageNet's): the copies are other files, as ImageNetV2 and CUBV2 are other photos
        FileDataset train = provider.open(plain, Split.TRAIN);
        if (train.entries().get(0).boxes() == null) {
          train = provider.open(plain, Split.TEST);
        }
        boolean separateFolder = !images.equals(imagesDefault);
        for (int k = 0; k < train.size(); k += 3) {
          Entry en = train.entries().get(k);
          String id = separateFolder
              ? "c" + en.label() + "/heldout_" + k + ".jpg"
              : "val2/" + en.label() + "/" + k + ".jpeg";
          Path copy = images.resolve(id);
          Files.createDirectories(copy.getParent());
          Files.copy(en.image(), copy);
          rows.add(new WsolMetadataWriter.Row(id, en.label(), en.boxes()));
        }
      } else {
        FileDataset split = provider.open(plain, Split.valueOf(e.getKey().toUpperCase(java.util.Locale.ROOT)));
        for (Entry en : split.entries()) {
          rows.add(new WsolMetadataWriter.Row(images.relativize(en.image()).toString(), en.label(), en.boxes()));
        }
      }
      WsolMetadataWriter.write(metadata, rows, images);
    }
  }

  /**
   * MSMT17_V1: {@code train/} and {@code test/} folders of {@code <pid>/<pid>_<n>_<cam>_...jpg},
   * listed with their ids in list_train/val/query/gallery.txt; written from the Market layout.
   */
  private static void writeMsmt17(SyntheticConfig cfg, Path root, Path market) throws IOException {
    Layout.named("market").write(cfg, market);
    Map<String, String[]> parts = Map.of(
        "bounding_box_train", new String[] {"train", "list_train.txt"},
        "query", new String[] {"test", "list_query.txt"},
        "bounding_box_test", new String[] {"test", "list_gallery.txt"});
    Files.createDirectories(root);
    Files.writeString(root.resolve("list_val.txt"), "");
    int n = 0; // one running number: query and gallery share test/
    for (var p : parts.entrySet()) {
      List<String> lines = new ArrayList<>();
      List<Path> files;
      try (Stream<Path> s = Files.list(market.resolve(p.getKey()))) {
        files = s.filter(f -> f.toString().endsWith(".jpg")).sorted().toList();
      }
      for (Path f : files) {
        String[] bits = f.getFileName().toString().split("_");
        if (bits[0].startsWith("-") || bits[0].equals("0000")) {
          continue; // junk and distractors: MSMT17 has neither
        }
        int pid = Integer.parseInt(bits[0]);
        int cam = Integer.parseInt(bits[1].substring(1, 2));
        n++;
        String name = String.format("%04d/%04d_%03d_%02d_0303morning_%04d_0.jpg", pid, pid, n, cam, n);
        Path to = root.resolve(p.getValue()[0]).resolve(name);
        Files.createDirectories(to.getParent());
        Files.copy(f, to);
        lines.add(name + " " + pid);
      }
      Files.write(root.resolve(p.getValue()[1]), lines);
    }
  }

  /** Every fifth JPEG rewritten as a one-channel greyscale JPEG (CUB has a few). */
  private static void greyscaleSome(Path root) throws IOException {
    List<Path> jpegs;
    try (Stream<Path> s = Files.walk(root)) {
      jpegs = s.filter(p -> p.toString().toLowerCase(java.util.Locale.ROOT).matches(".*\\.jpe?g")).sorted().toList();
    }
    for (int i = 0; i < jpegs.size(); i += 5) {
      BufferedImage colour = ImageIO.read(jpegs.get(i).toFile());
      if (colour == null) {
        continue; // a PNG stored as .JPEG is already irregular
      }
      BufferedImage grey = new BufferedImage(colour.getWidth(), colour.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
      grey.getGraphics().drawImage(colour, 0, 0, null);
      ImageIO.write(grey, "jpg", jpegs.get(i).toFile());
    }
  }

  /** ImageNet's training set holds a PNG file named .JPEG; so does this one. */
  private static void pngStoredAsJpeg(Path train) throws IOException {
    Path first;
    try (Stream<Path> s = Files.walk(train)) {
      first = s.filter(p -> p.toString().endsWith(".JPEG")).sorted().findFirst().orElseThrow();
    }
    BufferedImage img = ImageIO.read(first.toFile());
    BufferedImage alpha = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_ARGB);
    alpha.getGraphics().drawImage(img, 0, 0, null);
    ImageIO.write(alpha, "png", first.toFile());
  }
}
