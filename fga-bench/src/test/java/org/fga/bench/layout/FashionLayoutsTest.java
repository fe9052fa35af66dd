package org.fga.bench.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fga.bench.Cli;
import org.fga.core.data.FgaDataset;
import org.fga.core.data.Sample;
import org.fga.core.data.Split;
import org.fga.core.data.provider.DataConfig;
import org.fga.datasets.fashion.FashionMnistConfig;
import org.fga.datasets.fashion.FashionMnistDataset;
import org.fga.core.plugin.Plugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fga data synth --dataset fashion-mnist} on the reader's fixture (40 training and 20 test
 * garments cut from the real files, in fga-core's test resources): every layout is read back by
 * fga's reader of that layout, and gives the images, labels, boxes and identities the {@code
 * fashion-mnist} reader serves for the same data block.
 */
class FashionLayoutsTest {
  static final Plugins PLUGINS = Plugins.load();
  static final String FIXTURE =
      Path.of("..", "fga-datasets", "src", "test", "resources", "fashion-mnist").toAbsolutePath().normalize().toString();

  /** The data block both the export and the comparison use. */
  static final List<String> OPTIONS = List.of("-o", "root=" + FIXTURE, "-o", "heldOut=8", "-o", "imageSize=64",
      "-o", "seed=3", "-o", "identities=6", "-o", "testIdentities=3", "-o", "views=3", "-o", "distractors=2",
      "-o", "classes=[Trouser, Coat]");

  static Cli synth(String layout, Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("data", "synth", "--dataset", "fashion-mnist", "--layout", layout,
        "--out", out.toString(), "--train-size", "10", "--val-size", "4", "--test-size", "6"));
    args.addAll(OPTIONS);
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  static FashionMnistConfig fashion(String task, int maxObjects) {
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("type", "fashion-mnist");
    block.put("root", FIXTURE);
    block.put("task", task);
    block.put("classes", List.of("Trouser", "Coat"));
    block.put("imageSize", 64);
    block.put("heldOut", 8);
    block.put("trainSize", 10);
    block.put("valSize", 4);
    block.put("testSize", 6);
    block.put("seed", 3);
    block.put("identities", 6);
    block.put("testIdentities", 3);
    block.put("views", 3);
    block.put("distractors", 2);
    block.put("cluttered", Map.of("maxObjects", maxObjects));
    return (FashionMnistConfig) PLUGINS.json().convertValue(block, DataConfig.class);
  }

  static FgaDataset read(Map<String, Object> block, Split split) {
    DataConfig c = PLUGINS.json().convertValue(block, DataConfig.class);
    return PLUGINS.datasets().get((String) block.get("type")).open(c, split);
  }

  @Test
  void cubLayoutReadsBackAsTheSameLabelsAndBoxes(@TempDir Path dir) {
    Cli cli = synth("cub", dir);
    assertThat(cli.exit()).as(cli.err()).isZero();
    FgaDataset cub = read(Map.of("type", "cub", "root", dir.toString()), Split.TRAIN);
    FashionMnistDataset ours = new FashionMnistDataset(fashion("classification", 1), Split.TRAIN);
    assertThat(cub.size()).isEqualTo(10);
    assertThat(cub.info().classNames()).containsExactly("Trouser", "Coat");
    for (int i = 0; i < 10; i++) {
      Sample a = cub.get(i);
      Sample b = ours.get(i);
      assertThat(a.label()).as("label %d", i).isEqualTo(b.label());
      assertThat(a.boxes()).as("box %d", i).isEqualTo(b.boxes());
      // the mask as CUB's segmentations hold it
      assertThat(a.objectMask().data()).isEqualTo(b.objectMask().data());
    }
    assertThat(read(Map.of("type", "cub", "root", dir.toString()), Split.TEST).size()).isEqualTo(6);
  }

  @Test
  void wsolLayoutHoldsTheSamePixelsAndTheHeldOutSplit(@TempDir Path dir) {
    Cli cli = synth("wsol", dir);
    assertThat(cli.exit()).as(cli.err()).isZero();
    for (Split s : List.of(Split.VAL, Split.TEST)) {
      String tag = s.name().toLowerCase(java.util.Locale.ROOT);
      Map<String, Object> block = new LinkedHashMap<>();
      block.put("type", "imagefolder");
      block.put("root", dir.toString());
      block.put("splits", Map.of(tag, Map.of("metadata", dir.resolve("metadata").resolve(tag).toString(),
          "images", dir.resolve(tag).toString())));
      FgaDataset folder = read(block, s);
      FashionMnistDataset ours = new FashionMnistDataset(fashion("classification", 1), s);
      assertThat(folder.size()).isEqualTo(ours.size()).isEqualTo(s == Split.VAL ? 4 : 6);
      for (int i = 0; i < folder.size(); i++) {
        Sample a = folder.get(i);
        Sample b = ours.get(i);
        assertThat(a.label()).isEqualTo(b.label());
        assertThat(a.boxes()).isEqualTo(b.boxes());
        float[] pa = a.image().data();
        float[] pb = b.image().data();
        for (int p = 0; p < pa.length; p++) {
          // lossless PNG of 8-bit grey: the reader's value within half a grey level
          assertThat(Math.abs(pa[p] - pb[p])).isLessThanOrEqualTo(0.5f / 255 + 1e-6f);
        }
      }
    }
    assertThat(dir.resolve("masks/test")).isDirectory();
  }

  @Test
  void vocLayoutHoldsOneOrTwoGarmentsPerImage(@TempDir Path dir) {
    Cli cli = synth("voc", dir);
    assertThat(cli.exit()).as(cli.err()).isZero();
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("type", "voc");
    block.put("root", dir.toString());
    block.put("task", "multilabel");
    block.put("classes", List.of("trouser", "coat"));
    FgaDataset voc = read(block, Split.TRAIN);
    FashionMnistDataset ours = new FashionMnistDataset(fashion("multilabel", 2), Split.TRAIN);
    int two = 0;
    for (int i = 0; i < voc.size(); i++) {
      assertThat(voc.get(i).labels()).as("labels %d", i).isEqualTo(ours.get(i).labels());
      two += ours.get(i).labels().length == 2 ? 1 : 0;
    }
    assertThat(two).isPositive();
  }

  @Test
  void marketLayoutNamesIdentitiesViewsAndDistractors(@TempDir Path dir) throws Exception {
    Cli cli = synth("market", dir);
    assertThat(cli.exit()).as(cli.err()).isZero();
    FgaDataset train = read(Map.of("type", "market1501", "root", dir.toString()), Split.TRAIN);
    assertThat(train.info().numClasses()).isEqualTo(6);
    assertThat(train.size()).isEqualTo(6 * 3);
    assertThat(read(Map.of("type", "market1501", "root", dir.toString()), Split.QUERY).size()).isEqualTo(3);
    try (Stream<Path> files = Files.list(dir.resolve("bounding_box_test"))) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(names).hasSize(3 * 2 + 2);
      assertThat(names.stream().filter(n -> n.startsWith("0000_"))).hasSize(2);
    }
  }

  @Test
  void aLayoutFashionMnistHasNotIsOneLine(@TempDir Path dir) {
    Cli cli = synth("aircraft", dir);
    assertThat(cli.exit()).isEqualTo(2);
    assertThat(cli.err().strip()).contains("cub, wsol, voc, market").doesNotContain("\n");
    Cli bad = synth("cub", dir, "-o", "cluttered={clutter: -1}");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("clutter must be in 0..64");
    assertThat(Arrays.asList(dir.toFile().list())).isEmpty();
  }

  @Test
  void imageSizeIsTakenNotDroppedAndMayNotDisagreeWithTheDataBlock(@TempDir Path dir) {
    List<String> args = new ArrayList<>(List.of("data", "synth", "--dataset", "fashion-mnist", "--layout", "cub",
        "--out", dir.resolve("a").toString(), "--train-size", "4", "--val-size", "2", "--test-size", "2",
        "--image-size", "48"));
    for (int i = 0; i < OPTIONS.size(); i += 2) {
      if (!OPTIONS.get(i + 1).startsWith("imageSize=")) {
        args.addAll(List.of(OPTIONS.get(i), OPTIONS.get(i + 1)));
      }
    }
    Cli cli = Cli.run(args.toArray(String[]::new));
    assertThat(cli.exit()).as(cli.err()).isZero();
    Sample first = read(Map.of("type", "cub", "root", dir.resolve("a").toString()), Split.TRAIN).get(0);
    assertThat(first.image().height()).isEqualTo(48);
    assertThat(first.image().width()).isEqualTo(48);

    Cli bad = synth("cub", dir.resolve("b"), "--image-size", "48"); // OPTIONS says imageSize=64
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--image-size 48 and -o imageSize=64 disagree");
    Cli same = synth("cub", dir.resolve("c"), "--image-size", "64"); // as the block reads it: 64
    assertThat(same.exit()).as(same.err()).isZero();
  }
}
