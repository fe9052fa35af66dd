package org.fga.core.data.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.fga.core.data.FloatImage;
import org.fga.core.data.Mask;
import org.fga.core.error.FgaUserException;

/**
 * Decodes image files (JPEG, PNG, BMP, GIF). A missing, unreadable or damaged file is a {@link
 * FgaUserException} naming the file: ImageIO only warns about a truncated JPEG and hands back a
 * half-grey picture, so warnings count as damage here.
 */
public final class ImageFiles {
  private ImageFiles() {}

  /** The file as an RGB float image in [0, 1]. */
  public static FloatImage read(Path file) {
    return Images.fromBuffered(decode(file));
  }

  /** A palette or grey PNG as its raw indices (segmentation label maps). */
  public static Mask readIndices(Path file) {
    BufferedImage img = decode(file);
    try {
      return Images.indicesOf(img);
    } catch (IllegalArgumentException e) {
      throw new FgaUserException(
          "label image " + file + " is not a palette or grey PNG: " + e.getMessage());
    }
  }

  /** A grey (or colour, by its first channel) image thresholded at half: 1 above, 0 below. */
  public static Mask readBinary(Path file) {
    BufferedImage img = decode(file);
    int h = img.getHeight();
    int w = img.getWidth();
    byte[] out = new byte[h * w];
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      img.getRaster().getSamples(0, y, w, 1, 0, row);
      for (int x = 0; x < w; x++) {
        out[y * w + x] = row[x] >= 128 ? (byte) 1 : 0;
      }
    }
    return new Mask(h, w, out);
  }

  /** Decodes with warnings treated as errors; every failure names the file. */
  public static BufferedImage decode(Path file) {
    try (ImageInputStream in = ImageIO.createImageInputStream(Files.newInputStream(file))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new FgaUserException("cannot decode image " + file + ": not a known image format");
      }
      ImageReader reader = readers.next();
      List<String> warnings = new ArrayList<>();
      try {
        reader.setInput(in, true, true);
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage img = reader.read(0);
        if (!warnings.isEmpty()) {
          throw new FgaUserException("damaged image " + file + ": " + warnings.get(0));
        }
        return img;
      } finally {
        reader.dispose();
      }
    } catch (NoSuchFileException e) {
      throw new FgaUserException("image file not found: " + file);
    } catch (IOException | RuntimeException e) {
      if (e instanceof FgaUserException u) {
        throw u;
      }
      throw new FgaUserException("cannot decode image " + file + ": " + e.getMessage(), e);
    }
  }
}
