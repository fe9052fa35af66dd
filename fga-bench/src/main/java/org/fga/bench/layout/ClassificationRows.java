package org.fga.bench.layout;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.fga.core.data.Box;
import org.fga.core.data.Split;
import org.fga.datasets.io.Images;
import org.fga.datasets.synthetic.SyntheticConfig;
import org.fga.datasets.synthetic.SyntheticDataset;

/**
 * Shared by the single-label layouts: render a split, write each image as a JPEG at the path a
 * layout chooses, and hand back (file name, class, box) rows for its annotation files.
 */
final class ClassificationRows {
  private ClassificationRows() {}

  /** One written image. */
  record Row(String path, int cls, Box box) {}

  /** Where image {@code index} of class {@code cls} goes, relative to {@code dir}. */
  @FunctionalInterface
  interface Naming {
    String path(int index, int cls);
  }

  static SyntheticConfig classification(SyntheticConfig config) {
    return config.toBuilder().optTask("classification").build();
  }

  static List<Row> write(SyntheticConfig cfg, Split split, Path dir, Naming naming)
      throws IOException {
    return write(cfg, split, dir, naming, UnaryOperator.identity());
  }

  /** As above, with {@code finish} applied to each image before it is written. */
  static List<Row> write(
      SyntheticConfig cfg,
      Split split,
      Path dir,
      Naming naming,
      UnaryOperator<BufferedImage> finish)
      throws IOException {
    SyntheticDataset ds = new SyntheticDataset(cfg, split);
    return SceneWriter.renderAll(
        ds.size(),
        ds::scene,
        (i, s) -> {
          int c = s.classes()[0];
          String rel = naming.path(i, c);
          Images.writeJpeg(
              finish.apply(Images.toBuffered(s.image())),
              dir.resolve(rel),
              SceneWriter.JPEG_QUALITY);
          return new Row(rel, c, s.boxes().get(0));
        });
  }
}
