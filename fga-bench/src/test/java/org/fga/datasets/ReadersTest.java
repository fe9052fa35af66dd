package org.fga.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fga.core.data.provider.DataConfig;
import org.fga.core.data.provider.DatasetProvider;
import org.fga.core.data.Keypoint;
import org.fga.core.data.Sample;
import org.fga.core.data.Split;
import org.fga.core.data.Task;
import org.fga.bench.layout.CubLayout;
import org.fga.bench.layout.ImageFolderLayout;
import org.fga.bench.layout.ImageNetLayout;
import org.fga.bench.layout.MarketLayout;
import org.fga.bench.layout.VocLayout;
import org.fga.datasets.synthetic.SyntheticConfig;
import org.fga.datasets.synthetic.SyntheticDataset;
import org.fga.datasets.synthetic.SyntheticGenerator;
import org.fga.datasets.synthetic.SyntheticScene;
import org.fga.core.data.transform.CenterCrop;
import org.fga.core.data.transform.HorizontalFlip;
import org.fga.core.data.transform.Resize;
import org.fga.datasets.cub.CubConfig;
import org.fga.datasets.Entry;
import org.fga.datasets.imagefolder.ImageFolderConfig;
import org.fga.datasets.reid.MarketConfig;
import org.fga.datasets.voc.VocConfig;
import org.fga.core.error.FgaUserException;
import org.fga.core.plugin.Plugins;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every reader on a fixture written by the synthetic layout writers, in the exact on-disk layout.
 */
class ReadersTest {
  static final SyntheticConfig CFG =
      SyntheticConfig.builder()
          .optTrainSize(16)
          .optValSize(6)
          .optTestSize(8)
          .optNumClasses(5)
          .optIdentities(5)
          .optTestIdentities(4)
          .optCameras(3)
          .optImageSize(40)
          .optSeed(4)
          .build();
  static final Plugins PLUGINS = Plugins.load();

  @TempDir static Path dir;

  @BeforeAll
  static void writeFixtures() throws Exception {
    new CubLayout().write(CFG, dir.resolve("CUB_200_2011"));
    new ImageFolderLayout().write(CFG, dir.resolve("folder"));
    new ImageNetLayout().write(CFG, dir.resolve("ILSVRC"));
    new MarketLayout().write(CFG, dir.resolve("market"));
    new VocLayout().write(CFG, dir.resolve("VOCdevkit/VOC2012"));
  }

  private static FileDataset open(String name, DataConfig cfg, Split split) {
    DatasetProvider p = PLUGINS.datasets().get(name);
    return (FileDataset) p.open(cfg, split);
  }

  @Test
  void cubHeldOutSplitTakesTheFirstImagesOfEachClassOutOfTraining() {
    CubConfig all = CubConfig.of(dir.toString());
    FileDataset train = open("cub", all, Split.TRAIN);
    FileDataset fit = open("cub", all.withHeldOutPerClass(1), Split.TRAIN);
    FileDataset val = open("cub", all.withHeldOutPerClass(1), Split.VAL);
    java.util.Set<Integer> trainLabels = new java.util.HashSet<>();
    train.entries().forEach(e -> trainLabels.add(e.label()));
    assertThat(val.size()).isEqualTo(trainLabels.size()); // one per class that has training images
    assertThat(fit.size() + val.size()).isEqualTo(train.size());
    java.util.Set<String> valIds = new java.util.HashSet<>();
    java.util.Set<Integer> valLabels = new java.util.HashSet<>();
    for (int i = 0; i < val.size(); i++) {
      valIds.add(val.entries().get(i).id());
      valLabels.add(val.entries().get(i).label());
    }
    assertThat(valLabels).isEqualTo(trainLabels);
    for (int i = 0; i < fit.size(); i++) {
      assertThat(valIds).doesNotContain(fit.entries().get(i).id());
    }
    assertThatThrownBy(() -> open("cub", all, Split.VAL)).hasMessageContaining("has no split VAL");
  }

  @Test
  void cubInImageFolderOrderIsSortedByClassFolderThenFileAndHoldsTheSameImages() throws Exception {
    CubConfig listed = CubConfig.of(dir.toString());
    CubConfig folder = PLUGINS.yaml().readValue("{type: cub, root: \"" + dir + "\", order: imageFolder}", CubConfig.class);
    for (Split split : List.of(Split.TRAIN, Split.TEST)) {
      List<String> asListed = open("cub", listed, split).entries().stream().map(Entry::id).toList();
      List<String> inFolderOrder = open("cub", folder, split).entries().stream().map(Entry::id).toList();
      assertThat(inFolderOrder).isSortedAccordingTo(Comparator.naturalOrder()).containsExactlyInAnyOrderElementsOf(asListed);
      assertThat(inFolderOrder).as("the fixture lists images out of folder order").isNotEqualTo(asListed);
    }
    // the default is not written: resolved specs made before the key existed stay equal
    assertThat(PLUGINS.yaml().writeValueAsString(listed)).doesNotContain("order");
    assertThat(PLUGINS.yaml().writeValueAsString(folder)).contains("order: \"imageFolder\"");
    assertThatThrownBy(() -> PLUGINS.yaml().readValue("{type: cub, root: x, order: sorted}", CubConfig.class))
        .hasMessageContaining("data.order must be one of [images.txt, imageFolder], got 'sorted'");
    assertThatThrownBy(() -> PLUGINS.yaml().readValue(
            "{type: cub, root: x, order: imageFolder, splits: {val: {metadata: m, images: i}}}", CubConfig.class))
        .hasMessageContaining("data.order applies to the official split");
  }

  @Test
  void cubSplitsLabelsBoxesAndMasksRoundTrip() {
    // the root may be the folder holding CUB_200_2011
    FileDataset train = open("cub", CubConfig.of(dir.toString()), Split.TRAIN);
    FileDataset test =
        open("cub", CubConfig.of(dir.resolve("CUB_200_2011").toString()), Split.TEST);
    assertThat(train.size()).isEqualTo(16);
    assertThat(test.size()).isEqualTo(8);
    assertThat(train.info().numClasses()).isEqualTo(5);
    assertThat(train.info().classNames().get(0)).isEqualTo(SyntheticGenerator.className(0));
    SyntheticDataset gen = new SyntheticDataset(CubLayout.configOf(CFG), Split.TEST);
    for (int i = 0; i < test.size(); i++) {
      Sample s = test.get(i);
      SyntheticScene scene = gen.scene(i);
      assertThat(s.label()).isEqualTo(scene.classes()[0]);
      assertThat(s.boxes()).containsExactly(scene.boxes().get(0));
      assertThat(s.objectMask().data()).isEqualTo(scene.objectMask().data());
      assertThat(s.image().width()).isEqualTo(40);
    }
  }

  @Test
  void cubPartLocationsAreReadAndFollowResizeCropAndFlip() throws Exception {
    FileDataset test = open("cub", CubConfig.of(dir.toString()), Split.TEST);
    SyntheticDataset gen = new SyntheticDataset(CubLayout.configOf(CFG), Split.TEST);
    List<String> locs =
        Files.readAllLines(dir.resolve("CUB_200_2011/parts/part_locs.txt")); // test images last
    int firstTestLine = 16 * SyntheticGenerator.PART_NAMES.size();
    Sample s = test.get(0);
    List<Keypoint> read = s.keypoints();
    assertThat(read.stream().map(Keypoint::name).toList())
        .isEqualTo(SyntheticGenerator.PART_NAMES);
    List<Keypoint> truth = gen.scene(0).keypoints();
    for (int p = 0; p < read.size(); p++) {
      String[] line = locs.get(firstTestLine + p).split(" ");
      assertThat(line[0]).isEqualTo("17");
      assertThat(read.get(p).x()).isEqualTo(Double.parseDouble(line[2]));
      assertThat(read.get(p).visible()).isEqualTo(truth.get(p).visible());
      if (truth.get(p).visible()) {
        assertThat(read.get(p).x()).isCloseTo(truth.get(p).x(), within(0.05));
        assertThat(read.get(p).y()).isCloseTo(truth.get(p).y(), within(0.05));
      } else {
        assertThat(read.get(p).x()).isZero(); // hidden parts sit at 0 0, as in CUB
      }
    }
    // 40 px doubled to 80 maps x to 2x + 0.5; the central 60 x 60 starts at 10; the mirror maps
    // x to 59 - x: together x -> 68.5 - 2x, y -> 2y - 9.5, and the eyes trade names
    Sample out =
        Resize.to(80, 80)
            .then(new CenterCrop(60, 60))
            .then(new HorizontalFlip(1))
            .apply(s, new java.util.Random(0));
    List<Keypoint> moved = out.keypoints();
    assertThat(moved.stream().map(Keypoint::name).toList())
        .isEqualTo(SyntheticGenerator.PART_NAMES);
    for (int p = 0; p < read.size(); p++) {
      Keypoint before = read.get(p);
      String mirrored = Keypoint.mirroredName(before.name());
      Keypoint after = moved.get(SyntheticGenerator.PART_NAMES.indexOf(mirrored));
      assertThat(after.x()).isCloseTo(68.5 - 2 * before.x(), within(1e-9));
      assertThat(after.y()).isCloseTo(2 * before.y() - 9.5, within(1e-9));
      double cx = 2 * before.x() - 9.5; // before the mirror
      double cy = 2 * before.y() - 9.5;
      boolean inCrop = cx >= -0.5 && cx < 59.5 && cy >= -0.5 && cy < 59.5;
      assertThat(after.visible()).isEqualTo(before.visible() && inCrop);
    }
    Keypoint seenEye = read.get(1).visible() ? read.get(1) : read.get(2);
    Keypoint sameEyeAfter = read.get(1).visible() ? moved.get(2) : moved.get(1);
    assertThat(sameEyeAfter.name()).isNotEqualTo(seenEye.name()).endsWith("eye");
    assertThat(sameEyeAfter.x()).isCloseTo(68.5 - 2 * seenEye.x(), within(1e-9));
  }

  @Test
  void checkCountsCubPartLocations() {
    DatasetCheck.Report r =
        DatasetCheck.run(
            (DiskDatasetProvider) PLUGINS.datasets().get("cub"),
            CubConfig.of(dir.toString()),
            false,
            null);
    int parts = SyntheticGenerator.PART_NAMES.size();
    DatasetCheck.SplitReport train = r.splits().get(0);
    assertThat(train.keypoints()).isEqualTo(16 * parts);
    SyntheticDataset gen = new SyntheticDataset(CubLayout.configOf(CFG), Split.TRAIN);
    int visible = 0;
    for (int i = 0; i < 16; i++) {
      visible += (int) gen.scene(i).keypoints().stream().filter(Keypoint::visible).count();
    }
    assertThat(train.visibleKeypoints()).isEqualTo(visible).isLessThan(16 * parts);
  }

  @Test
  void imageFolderReadsClassFoldersLosslessly() {
    FileDataset val =
        open("imagefolder", ImageFolderConfig.of(dir.resolve("folder").toString()), Split.VAL);
    FileDataset test =
        open("imagefolder", ImageFolderConfig.of(dir.resolve("folder").toString()), Split.TEST);
    assertThat(val.size()).isEqualTo(6);
    assertThat(test.size()).isEqualTo(8);
    SyntheticDataset gen = new SyntheticDataset(CFG, Split.VAL);
    for (Entry e : val.entries()) {
      int index = Integer.parseInt(e.image().getFileName().toString().replaceAll("\\D", ""));
      Sample s = FileDataset.load(e);
      assertThat(s.label()).isEqualTo(gen.get(index).label());
      float[] a = s.image().data();
      float[] b = gen.get(index).image().data();
      for (int p = 0; p < a.length; p++) {
        assertThat(Math.abs(a[p] - b[p])).isLessThanOrEqualTo(0.5f / 255 + 1e-6f);
      }
    }
  }

  @Test
  void imageFolderAttachesImageNetStyleBoxXml() throws Exception {
    Path boxes = dir.resolve("val_boxes");
    SyntheticDataset gen = new SyntheticDataset(CFG, Split.VAL);
    for (int i = 0; i < gen.size(); i++) {
      var b = gen.scene(i).boxes().get(0);
      String name = ImageFolderLayout.fileName(i).replace(".png", ".xml");
      Files.createDirectories(boxes.resolve("val"));
      Files.writeString(
          boxes.resolve("val").resolve(name),
          "<annotation><object><name>n0</name><bndbox><xmin>"
              + (b.x0() + 1)
              + "</xmin><ymin>"
              + (b.y0() + 1)
              + "</ymin><xmax>"
              + (b.x1() + 1)
              + "</xmax><ymax>"
              + (b.y1() + 1)
              + "</ymax></bndbox></object></annotation>");
    }
    FileDataset val =
        open(
            "imagefolder",
            new ImageFolderConfig(
                dir.resolve("folder").toString(), 0, false, boxes.toString(), null, null, null),
            Split.VAL);
    for (Entry e : val.entries()) {
      int index = Integer.parseInt(e.image().getFileName().toString().replaceAll("\\D", ""));
      assertThat(e.boxes()).containsExactly(gen.scene(index).boxes().get(0));
    }
  }

  private static ImageFolderConfig imagenet(String devkit, String valLabels) {
    Path root = dir.resolve("ILSVRC");
    return new ImageFolderConfig(
        root.toString(), 0, false, root.resolve("val_boxes").toString(), devkit, valLabels, null);
  }

  /** Every validation image has the generator's class (in wnid order) and box. */
  private static void assertImageNetVal(FileDataset val) {
    SyntheticDataset gen = new SyntheticDataset(CFG, Split.TEST);
    assertThat(val.size()).isEqualTo(8);
    assertThat(val.info().classNames()).containsExactly(
        ImageNetLayout.wnid(0),
        ImageNetLayout.wnid(1),
        ImageNetLayout.wnid(2),
        ImageNetLayout.wnid(3),
        ImageNetLayout.wnid(4));
    for (int i = 0; i < val.size(); i++) {
      Entry e = val.entries().get(i);
      assertThat(e.image().getFileName().toString()).isEqualTo(ImageNetLayout.valName(i));
      assertThat(e.label()).as("image %d", i).isEqualTo(gen.scene(i).classes()[0]);
      assertThat(e.boxes()).containsExactly(gen.scene(i).boxes().get(0));
    }
  }

  @Test
  void imageNetFlatValIsLabelledByTheDevkitsGroundTruthAndMetaMat() {
    // ILSVRC ids run against wnid order in the fixture: only the meta.mat mapping gets this right
    String devkit = dir.resolve("ILSVRC/ILSVRC2012_devkit_t12").toString();
    assertImageNetVal(open("imagefolder", imagenet(devkit, null), Split.TEST));
    assertImageNetVal(open("imagefolder", imagenet(devkit, null), Split.VAL));
    FileDataset train = open("imagefolder", imagenet(devkit, null), Split.TRAIN);
    SyntheticDataset gen = new SyntheticDataset(CFG, Split.TRAIN);
    assertThat(train.size()).isEqualTo(16);
    for (Entry e : train.entries()) {
      int i = Integer.parseInt(e.image().getFileName().toString().replaceAll("^.*_|\\..*$", ""));
      assertThat(e.label()).isEqualTo(gen.scene(i).classes()[0]);
    }
  }

  @Test
  void imageNetFlatValIsLabelledByAWsolOrKaggleList() throws Exception {
    SyntheticDataset gen = new SyntheticDataset(CFG, Split.TEST);
    List<String> wsol = new java.util.ArrayList<>(); // wsolevaluation: path,index
    List<String> kaggle = new java.util.ArrayList<>(); // header; id,wnid x0 y0 x1 y1
    List<String> named = new java.util.ArrayList<>(); // name wnid
    kaggle.add("ImageId,PredictionString");
    for (int i = 7; i >= 0; i--) { // any order
      int c = gen.scene(i).classes()[0];
      String name = ImageNetLayout.valName(i);
      wsol.add("val/" + name + "," + c);
      kaggle.add(name.replace(".JPEG", "") + "," + ImageNetLayout.wnid(c) + " 1 2 30 31");
      named.add(name + " " + ImageNetLayout.wnid(c));
    }
    for (List<String> list : List.of(wsol, kaggle, named)) {
      Path file = Files.write(Files.createTempFile(dir, "labels", ".txt"), list);
      assertImageNetVal(open("imagefolder", imagenet(null, file.toString()), Split.TEST));
    }
    Path partial = Files.write(dir.resolve("partial.txt"), wsol.subList(0, 7));
    assertThatThrownBy(() -> open("imagefolder", imagenet(null, partial.toString()), Split.TEST))
        .isInstanceOf(FgaUserException.class)
        .hasMessage(
            "image "
                + dir.resolve("ILSVRC/val").resolve(ImageNetLayout.valName(0))
                + " has no label in "
                + partial);
    Path bad = Files.write(dir.resolve("bad.txt"), List.of(wsol.get(0), "val/x.JPEG,5"));
    assertThatThrownBy(() -> open("imagefolder", imagenet(null, bad.toString()), Split.TEST))
        .hasMessage(
            bad + " row 2: label '5' is neither a class folder of train/ nor a class index 0..4");
    // without a label source the flat folder is an error that says what to set
    assertThatThrownBy(() -> open("imagefolder", imagenet(null, null), Split.TEST))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("holds images but no class folders")
        .hasMessageContaining("data.devkit");
    assertThatThrownBy(
            () -> PLUGINS.yaml().readValue(
                "{type: imagefolder, root: /x, devkit: /d, valLabels: /l}", DataConfig.class))
        .hasRootCauseMessage(
            "data.devkit and data.valLabels both label the flat val/ folder; set one of them");
  }

  @Test
  void aDevkitThatDoesNotCoverAnImageNamesTheFiles(@TempDir Path tmp) throws Exception {
    Path devkit = tmp.resolve("ILSVRC2012_devkit_t12");
    Path data = Files.createDirectories(devkit.resolve("data"));
    Path src = dir.resolve("ILSVRC/ILSVRC2012_devkit_t12/data");
    Files.copy(src.resolve("meta.mat"), data.resolve("meta.mat"));
    Path truth = data.resolve("ILSVRC2012_validation_ground_truth.txt");
    List<String> ids = Files.readAllLines(src.resolve(truth.getFileName()));
    Files.write(truth, ids.subList(0, 7));
    assertThatThrownBy(
            () -> open("imagefolder", imagenet(devkit.toString(), null), Split.TEST))
        .hasMessageContaining(ImageNetLayout.valName(7) + " is number 8, but " + truth)
        .hasMessageEndingWith("labels images 1..7");
    List<String> unknown = new java.util.ArrayList<>(ids);
    unknown.set(2, "999");
    Files.write(truth, unknown);
    assertThatThrownBy(
            () -> open("imagefolder", imagenet(devkit.toString(), null), Split.TEST))
        .hasMessage(truth + " row 3: ILSVRC id 999 is not in meta.mat's synsets");
  }

  @Test
  void marketDropsJunkKeepsDistractorsAndRelabelsTrainingIdentities() {
    MarketConfig cfg = MarketConfig.of(dir.resolve("market").toString());
    FileDataset train = open("market1501", cfg, Split.TRAIN);
    FileDataset query = open("market1501", cfg, Split.QUERY);
    FileDataset gallery = open("market1501", cfg, Split.GALLERY);
    int extras = MarketLayout.extrasOf(CFG);
    assertThat(train.size()).isEqualTo(16);
    assertThat(query.size()).isEqualTo(12);
    assertThat(gallery.size()).isEqualTo(8 + extras); // distractors stay, junk (-1) is dropped
    assertThat(train.info().task()).isEqualTo(Task.REID);
    assertThat(train.info().numClasses()).isEqualTo(5);
    Set<Integer> labels = new HashSet<>();
    for (Entry e : train.entries()) {
      labels.add(e.label());
      assertThat(e.label()).isEqualTo(e.identity() - 1); // identities 1..5 relabel to 0..4
    }
    assertThat(labels).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    assertThat(gallery.entries().stream().filter(e -> e.identity() == 0).count()).isEqualTo(extras);
    Entry q =
        query.entries().stream()
            .filter(e -> e.image().getFileName().toString().equals("0007_c2s1_500004_01.jpg"))
            .findFirst()
            .orElseThrow();
    assertThat(q.identity()).isEqualTo(7);
    assertThat(q.camera()).isEqualTo(2);
    assertThat(q.label()).isEqualTo(-1);
  }

  @Test
  void vocMultilabelAndSegmentationRoundTrip() {
    List<String> names = new java.util.ArrayList<>();
    for (int c = 0; c < 5; c++) {
      names.add(SyntheticGenerator.className(c));
    }
    String root = dir.toString(); // finds VOCdevkit/VOC2012 inside
    VocConfig ml = new VocConfig(root, 0, false, "multilabel", null, names, false, null);
    VocConfig seg = new VocConfig(root, 0, false, "segmentation", null, names, false, null);
    FileDataset train = open("voc", ml, Split.TRAIN);
    FileDataset val = open("voc", seg, Split.VAL);
    assertThat(train.size()).isEqualTo(16);
    assertThat(val.size()).isEqualTo(8);
    SyntheticDataset genTrain =
        new SyntheticDataset(CFG.toBuilder().optTask("multilabel").build(), Split.TRAIN);
    for (int i = 0; i < train.size(); i++) {
      Sample s = train.get(i);
      SyntheticScene scene = genTrain.scene(i);
      assertThat(s.labels())
          .isEqualTo(Arrays.stream(scene.classes()).distinct().sorted().toArray());
      assertThat(s.boxes()).isEqualTo(scene.boxes());
    }
    SyntheticDataset genVal =
        new SyntheticDataset(CFG.toBuilder().optTask("multilabel").build(), Split.TEST);
    Sample s = val.get(3);
    assertThat(val.info().task()).isEqualTo(Task.SEGMENTATION);
    byte[] expected = genVal.scene(3).classMap().data();
    byte[] got = s.objectMask().data();
    int ignored = 0;
    for (int p = 0; p < got.length; p++) {
      if (got[p] == (byte) 255) {
        ignored++;
        assertThat(expected[p]).isNotEqualTo((byte) 0);
      } else {
        assertThat(got[p]).isEqualTo(expected[p]);
      }
    }
    assertThat(ignored).isPositive();
    assertThatThrownBy(() -> open("voc", VocConfig.of(root), Split.TRAIN))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("is not one of [aeroplane");
  }

  @Test
  void vocTrainAugIsBuiltFromSbdMatFiles() throws Exception {
    List<String> names = new java.util.ArrayList<>();
    for (int c = 0; c < 5; c++) {
      names.add(SyntheticGenerator.className(c));
    }
    // SBD holds train images 0..9 and val image 0 (which VOC's val list must take out again)
    Path sbd = dir.resolve("benchmark_RELEASE/dataset");
    SyntheticDataset genTrain =
        new SyntheticDataset(CFG.toBuilder().optTask("multilabel").build(), Split.TRAIN);
    SyntheticDataset genVal =
        new SyntheticDataset(CFG.toBuilder().optTask("multilabel").build(), Split.TEST);
    List<String> sbdTrain = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String id = VocLayout.imageId("train", i);
      sbdTrain.add(id);
      writeSbdMat(sbd.resolve("cls").resolve(id + ".mat"), genTrain.scene(i).classMap());
    }
    String valId = VocLayout.imageId("val", 0);
    writeSbdMat(sbd.resolve("cls").resolve(valId + ".mat"), genVal.scene(0).classMap());
    Files.write(sbd.resolve("train.txt"), sbdTrain);
    Files.write(sbd.resolve("val.txt"), List.of(valId));
    VocConfig cfg =
        new VocConfig(
            dir.toString(),
            0,
            false,
            "segmentation",
            "train_aug",
            names,
            false,
            dir.resolve("benchmark_RELEASE").toString());
    FileDataset aug = open("voc", cfg, Split.TRAIN);
    assertThat(aug.size())
        .isEqualTo(16); // SBD's 10 + VOC train's 16, overlapping, minus the val image
    assertThat(aug.entries()).noneMatch(e -> e.id().contains(valId));
    Sample fromMat = aug.get(3);
    assertThat(aug.entries().get(3).maskKind()).isEqualTo(Entry.MaskKind.SBD_MAT);
    assertThat(fromMat.objectMask().data()).isEqualTo(genTrain.scene(3).classMap().data());
    assertThat(aug.entries().get(12).maskKind()).isEqualTo(Entry.MaskKind.INDICES);
    assertThat(aug.get(12).objectMask().height()).isEqualTo(40);
    VocConfig noSbd =
        new VocConfig(dir.toString(), 0, false, "segmentation", "train_aug", names, false, null);
    assertThatThrownBy(() -> open("voc", noSbd, Split.TRAIN)).hasMessageContaining("data.sbd");
  }

  private static void writeSbdMat(Path file, org.fga.core.data.Mask m) throws Exception {
    us.hebi.matlab.mat.types.Matrix seg =
        us.hebi.matlab.mat.format.Mat5.newMatrix(
            m.height(), m.width(), us.hebi.matlab.mat.types.MatlabType.UInt8);
    for (int y = 0; y < m.height(); y++) {
      for (int x = 0; x < m.width(); x++) {
        seg.setDouble(y, x, m.get(y, x));
      }
    }
    us.hebi.matlab.mat.types.Struct gt =
        us.hebi.matlab.mat.format.Mat5.newStruct().set("Segmentation", seg);
    Files.createDirectories(file.getParent());
    us.hebi.matlab.mat.format.Mat5.writeToFile(
        us.hebi.matlab.mat.format.Mat5.newMatFile().addArray("GTcls", gt), file.toFile());
  }

  @Test
  void specsSelectReadersByType() throws Exception {
    DataConfig c = PLUGINS.yaml().readValue("type: cub\nroot: /data/cub\n", DataConfig.class);
    assertThat(c).isEqualTo(CubConfig.of("/data/cub"));
    assertThat(c.imageSize()).isEqualTo(448);
    assertThat(PLUGINS.datasets().names())
        .contains(
            "cub",
            "imagefolder",
            "voc",
            "market1501",
            "dukemtmc",
            "veri776",
            "msmt17",
            "synthetic");
    assertThatThrownBy(() -> PLUGINS.yaml().readValue("type: cub\n", DataConfig.class))
        .hasRootCauseMessage("data.root is required for cub");
  }

  @Test
  void aMissingRootOrAnnotationFileNamesIt(@TempDir Path empty) throws Exception {
    assertThatThrownBy(
            () -> open("cub", CubConfig.of(empty.resolve("nope").toString()), Split.TRAIN))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("nope")
        .hasMessageContaining("is not a folder");
    // a relative root names the key to change and what it is relative to
    assertThatThrownBy(() -> open("cub", CubConfig.of("data/no_such_cub"), Split.TRAIN))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("data.root data/no_such_cub (cub) is not a folder")
        .hasMessageContaining("relative to the working directory " + Path.of("").toAbsolutePath())
        .hasMessageContaining("-o data.root=");
    Path copy = BadInput.copyCub(dir.resolve("CUB_200_2011"), empty.resolve("cub"));
    Files.delete(copy.resolve("train_test_split.txt"));
    assertThatThrownBy(() -> open("cub", CubConfig.of(copy.toString()), Split.TRAIN))
        .isInstanceOf(FgaUserException.class)
        .hasMessage("annotation file not found: " + copy.resolve("train_test_split.txt"));
  }
}
