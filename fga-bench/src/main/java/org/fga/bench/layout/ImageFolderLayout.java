package org.fga.bench.layout;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fga.core.data.Split;
import org.fga.datasets.io.Images;
import org.fga.datasets.synthetic.SyntheticConfig;
import org.fga.datasets.synthetic.SyntheticDataset;

/**
 * The ImageNet-style folder layout: {@code train/<class>/<name>.png}, and likewise {@code val/} and
 * {@code test/}. Class folders are numbered ({@code 001.red_disc}) so that sorting them, as folder
 * readers do, gives back the generator's class order. Lossless PNG, so a reader's output can be
 * compared pixel for pixel.
 */
public final class ImageFolderLayout extends NamedLayout {
  public ImageFolderLayout() {
    super("imagefolder", "classification");
  }

  @Override
  public LayoutSummary write(SyntheticConfig config, Path root) throws IOException {
    SyntheticConfig cfg = config.toBuilder().optTask(task()).build();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Split split : SyntheticDataset.splits(cfg)) {
      SyntheticDataset ds = new SyntheticDataset(cfg, split);
      if (ds.size() == 0) {
        continue;
      }
      String dir = split.name().toLowerCase(java.util.Locale.ROOT);
      // every class gets its folder, even if a small split has no image of it, so that the
      // class list read back from train/ is complete
      for (int c = 0; c < cfg.numClasses(); c++) {
        java.nio.file.Files.createDirectories(root.resolve(dir).resolve(CubLayout.classDir(c)));
      }
      SceneWriter.renderAll(
          ds.size(),
          ds::scene,
          (i, s) -> {
            Path file =
                root.resolve(dir).resolve(CubLayout.classDir(s.classes()[0])).resolve(fileName(i));
            Images.writePng(Images.toBuffered(s.image()), file);
            return null;
          });
      counts.put(dir, ds.size());
    }
    return new LayoutSummary(name(), root, counts, cfg.numClasses());
  }

  /** The file name of image {@code i} of a split. */
  public static String fileName(int i) {
    return String.format("img_%06d.png", i);
  }
}
