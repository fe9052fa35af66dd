package org.fga.backbones.preprocess;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.fga.core.error.FgaUserException;

/**
 * Decodes PNG, JPEG, BMP and GIF files to 8-bit RGB as PIL's {@code convert("RGB")} does: gray is
 * replicated and alpha dropped (not composited). 8-bit samples are read raw, because Java's
 * {@code getRGB} would pass gray images through a linear-to-sRGB conversion PIL does not do.
 */
public final class ImageFiles {
  private ImageFiles() {}

  public static RgbImage read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new FgaUserException("image not found: " + file);
    }
    BufferedImage img;
    try {
      img = ImageIO.read(file.toFile());
    } catch (IOException e) {
      throw new FgaUserException("cannot decode image " + file + ": " + e.getMessage(), e);
    }
    if (img == null) {
      throw new FgaUserException("not a PNG, JPEG, BMP or GIF image: " + file);
    }
    return toRgb(img);
  }

  /** The RGB pixels of a decoded image. */
  public static RgbImage toRgb(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    byte[] rgb = new byte[w * h * 3];
    Raster r = img.getRaster();
    int bands = r.getNumBands();
    boolean rawBytes =
        img.getColorModel() instanceof ComponentColorModel
            && r.getTransferType() == DataBuffer.TYPE_BYTE
            && bands >= 1
            && bands <= 4;
    if (rawBytes) {
      int[] px = new int[bands];
      boolean gray = bands <= 2;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          r.getPixel(x, y, px);
          int o = (y * w + x) * 3;
          rgb[o] = (byte) px[0];
          rgb[o + 1] = (byte) (gray ? px[0] : px[1]);
          rgb[o + 2] = (byte) (gray ? px[0] : px[2]);
        }
      }
    } else {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int argb = img.getRGB(x, y);
          int o = (y * w + x) * 3;
          rgb[o] = (byte) (argb >> 16);
          rgb[o + 1] = (byte) (argb >> 8);
          rgb[o + 2] = (byte) argb;
        }
      }
    }
    return new RgbImage(w, h, rgb);
  }
}
