package org.fga.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fga.core.data.Split;
import org.fga.bench.layout.MarketLayout;
import org.fga.datasets.synthetic.SyntheticConfig;
import org.fga.datasets.reid.DukeConfig;
import org.fga.datasets.reid.Msmt17Config;
import org.fga.datasets.reid.VeriConfig;
import org.fga.core.plugin.Plugins;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DukeMTMC-reID, VeRi-776 and MSMT17 on fixtures made from the Market-1501 layout by renaming the
 * files into each set's naming scheme (and, for MSMT17, its list files).
 */
class ReidFamiliesTest {
  static final SyntheticConfig CFG =
      SyntheticConfig.builder()
          .optTrainSize(12)
          .optTestSize(8)
          .optIdentities(4)
          .optTestIdentities(4)
          .optCameras(3)
          .optImageSize(32)
          .build();
  static final Pattern MARKET = Pattern.compile("^(-?\\d+)_c(\\d)s1_(\\d+)_01\\.jpg$");
  static final Plugins PLUGINS = Plugins.load();

  @TempDir static Path dir;

  /**
   * A Market file renamed by {@code scheme} (person, camera, frame) into {@code to}; junk is
   * skipped.
   */
  interface Scheme {
    String name(int person, int camera, int frame);
  }

  private static int convert(Path from, Path to, Scheme scheme, List<String> list)
      throws Exception {
    Files.createDirectories(to);
    int n = 0;
    try (Stream<Path> s = Files.list(from)) {
      for (Path p : s.sorted().toList()) {
        Matcher m = MARKET.matcher(p.getFileName().toString());
        assertThat(m.matches()).isTrue();
        int person = Integer.parseInt(m.group(1));
        if (person < 0) {
          continue;
        }
        String name =
            scheme.name(person, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        Path target = to.resolve(name);
        Files.createDirectories(target.getParent());
        Files.copy(p, target);
        if (list != null) {
          list.add(name + " " + person);
        }
        n++;
      }
    }
    return n;
  }

  @BeforeAll
  static void writeFixtures() throws Exception {
    Path market = dir.resolve("market");
    new MarketLayout().write(CFG, market);
    Path duke = dir.resolve("DukeMTMC-reID");
    Path veri = dir.resolve("VeRi");
    Path msmt = dir.resolve("MSMT17_V1");
    String[][] folders = {
      {"bounding_box_train", "image_train", "train"},
      {"query", "image_query", "test"},
      {"bounding_box_test", "image_test", "test"}
    };
    List<List<String>> lists = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int k = 0; k < 3; k++) {
      Path from = market.resolve(folders[k][0]);
      convert(
          from,
          duke.resolve(folders[k][0]),
          (p, c, f) -> String.format("%04d_c%d_f%07d.jpg", p, c, f),
          null);
      convert(
          from,
          veri.resolve(folders[k][1]),
          (p, c, f) -> String.format("%04d_c%03d_%08d_0.jpg", p, c, f),
          null);
      convert(
          from,
          msmt.resolve(folders[k][2]),
          (p, c, f) ->
              String.format(
                  "%04d/%04d_%03d_%02d_0303morning_%04d_0.jpg", p, p, f % 1000, c, f % 10000),
          lists.get(k));
    }
    // MSMT17's own split: its val list joins training
    List<String> train = lists.get(0);
    Files.write(msmt.resolve("list_train.txt"), train.subList(0, 9));
    Files.write(msmt.resolve("list_val.txt"), train.subList(9, train.size()));
    Files.write(msmt.resolve("list_query.txt"), lists.get(1));
    Files.write(msmt.resolve("list_gallery.txt"), lists.get(2));
  }

  @Test
  void dukeVeriAndMsmtReadIdentitiesAndCameras() {
    int extras = MarketLayout.extrasOf(CFG);
    for (var cfg :
        List.of(
            DukeConfig.of(dir.toString()),
            VeriConfig.of(dir.toString()),
            Msmt17Config.of(dir.toString()))) {
      String name =
          cfg instanceof DukeConfig ? "dukemtmc" : cfg instanceof VeriConfig ? "veri776" : "msmt17";
      FileDataset train = (FileDataset) PLUGINS.datasets().get(name).open(cfg, Split.TRAIN);
      FileDataset query = (FileDataset) PLUGINS.datasets().get(name).open(cfg, Split.QUERY);
      FileDataset gallery = (FileDataset) PLUGINS.datasets().get(name).open(cfg, Split.GALLERY);
      assertThat(train.size()).as(name).isEqualTo(12);
      assertThat(query.size()).as(name).isEqualTo(12);
      assertThat(gallery.size()).as(name).isEqualTo(8 + extras);
      assertThat(train.info().numClasses()).as(name).isEqualTo(4);
      for (Entry e : train.entries()) {
        assertThat(e.label()).isEqualTo(e.identity() - 1);
        assertThat(e.camera()).isBetween(1, 3);
      }
      assertThat(query.entries())
          .allMatch(e -> e.identity() >= 5 && e.identity() <= 8 && e.label() == -1);
    }
  }
}
