package org.fga.bench.layout;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fga.core.data.Split;
import org.fga.datasets.io.Images;
import org.fga.datasets.synthetic.SyntheticConfig;
import org.fga.datasets.synthetic.SyntheticDataset;
import org.fga.datasets.synthetic.SyntheticScene;

/**
 * Market-1501 as it unpacks: {@code bounding_box_train/}, {@code bounding_box_test/} (the gallery)
 * and {@code query/}, file names {@code PPPP_cCsS_FFFFFF_BB.jpg} (person, camera, sequence, frame,
 * box). As in the real set the gallery also holds distractors (person {@code 0000}) and junk images
 * (person {@code -1}), a few of each, which the standard protocol keeps as negatives and ignores
 * respectively.
 */
public final class MarketLayout extends NamedLayout {
  public MarketLayout() {
    super("market", "reid");
  }

  /** The Market-1501 file name of an image: person -1 is junk, 0 a distractor. */
  public static String fileName(int person, int camera, int frame, int box) {
    String pid = person < 0 ? "-1" : String.format("%04d", person);
    return String.format("%s_c%ds1_%06d_%02d.jpg", pid, camera, frame, box);
  }

  /** Distractors and junk images each added to the gallery: a quarter of the test identities. */
  public static int extrasOf(SyntheticConfig cfg) {
    return Math.max(1, cfg.testIdentities() / 4);
  }

  @Override
  public LayoutSummary write(SyntheticConfig config, Path root) throws IOException {
    SyntheticConfig cfg = config.toBuilder().optTask(task()).build();
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put(
        "bounding_box_train", writeSplit(cfg, Split.TRAIN, root.resolve("bounding_box_train")));
    counts.put("query", writeSplit(cfg, Split.QUERY, root.resolve("query")));
    int gallery = writeSplit(cfg, Split.GALLERY, root.resolve("bounding_box_test"));
    counts.put("bounding_box_test", gallery + writeExtras(cfg, root.resolve("bounding_box_test")));
    return new LayoutSummary(name(), root, counts, cfg.identities());
  }

  private static int writeSplit(SyntheticConfig cfg, Split split, Path dir) throws IOException {
    SyntheticDataset ds = new SyntheticDataset(cfg, split);
    // frames are numbered within a split so that file names never collide
    int frameBase = split == Split.QUERY ? 500000 : 0;
    SceneWriter.renderAll(
        ds.size(),
        ds::scene,
        (i, s) -> {
          write(s, dir.resolve(fileName(s.identity(), s.camera(), frameBase + i, 1)));
          return null;
        });
    return ds.size();
  }

  /**
   * Distractor (0000) and junk (-1) gallery images: creatures of identities that are in neither the
   * training nor the test set, so they can never match a query.
   */
  private static int writeExtras(SyntheticConfig cfg, Path dir) throws IOException {
    SyntheticDataset gallery = new SyntheticDataset(cfg, Split.GALLERY);
    int extras = extrasOf(cfg);
    int outsider = cfg.identities() + cfg.testIdentities() + 1;
    SceneWriter.renderAll(
        2 * extras,
        i ->
            gallery
                .generator()
                .renderReid(Split.GALLERY, 1_000_000 + i, outsider + i, 1 + i % cfg.cameras()),
        (i, s) -> {
          int person = i < extras ? 0 : -1;
          write(s, dir.resolve(fileName(person, s.camera(), 900000 + i, 1)));
          return null;
        });
    return 2 * extras;
  }

  private static void write(SyntheticScene s, Path file) throws IOException {
    Images.writeJpeg(Images.toBuffered(s.image()), file, SceneWriter.JPEG_QUALITY);
  }
}
