package org.fga.datasets.wsol;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.fga.core.data.Box;

/**
 * Writes a split in wsolevaluation's metadata format, the inverse of {@link WsolMetadata}: for
 * fixtures in the protocol's exact layout, and for users who hold out their own images.
 */
public final class WsolMetadataWriter {
  private WsolMetadataWriter() {}

  /**
   * One image of the split.
   *
   * @param id the image's path relative to the split's image folder
   * @param label its 0-based class index
   * @param boxes its boxes, inclusive pixel coordinates (one line each in {@code localization.txt})
   */
  public record Row(String id, int label, List<Box> boxes) {}

  /**
   * Writes {@code image_ids.txt}, {@code class_labels.txt}, {@code localization.txt} and {@code
   * image_sizes.txt} into {@code folder}; image sizes are read from the files under {@code images}.
   */
  public static void write(Path folder, List<Row> rows, Path images) throws IOException {
    List<String> ids = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<String> boxes = new ArrayList<>();
    List<String> sizes = new ArrayList<>();
    for (Row r : rows) {
      ids.add(r.id());
      labels.add(r.id() + "," + r.label());
      for (Box b : r.boxes()) {
        boxes.add(r.id() + "," + b.x0() + "," + b.y0() + "," + b.x1() + "," + b.y1());
      }
      BufferedImage img = ImageIO.read(images.resolve(r.id()).toFile());
      if (img == null) {
        throw new IOException("cannot decode " + images.resolve(r.id()));
      }
      sizes.add(r.id() + "," + img.getWidth() + "," + img.getHeight());
    }
    Files.createDirectories(folder);
    Files.write(folder.resolve("image_ids.txt"), ids);
    Files.write(folder.resolve("class_labels.txt"), labels);
    Files.write(folder.resolve("localization.txt"), boxes);
    Files.write(folder.resolve("image_sizes.txt"), sizes);
  }
}
