package org.fga.datasets.io;

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
        BufferedImage img = readAny(reader);
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

  /**
   * The decoded image; a four-channel (CMYK) JPEG, which ImageIO cannot turn into RGB (ImageNet's
   * training set holds 22), is converted as PIL's {@code convert("RGB")} does: R = (1 - C)(1 - K),
   * read from the Adobe-inverted samples the file stores.
   */
  private static BufferedImage readAny(ImageReader reader) throws IOException {
    BufferedImage img;
    try {
      img = reader.read(0);
    } catch (javax.imageio.IIOException e) {
      // older JDKs refuse four-channel JPEGs outright
      BufferedImage converted = fourChannelJpeg(reader);
      if (converted == null) {
        throw e;
      }
      return converted;
    }
    if (img.getRaster().getNumBands() == 4
        && img.getColorModel().getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_CMYK) {
      // JDK 17 decodes CMYK JPEGs but converts them to RGB through its own profile, several
      // dozen levels away from what PIL (and so every reference pipeline) sees
      BufferedImage converted = fourChannelJpeg(reader);
      return converted == null ? img : converted;
    }
    return img;
  }

  /** A four-channel JPEG's raw samples as RGB, or null if the file is not one. */
  private static BufferedImage fourChannelJpeg(ImageReader reader) {
    java.awt.image.Raster raw;
    try {
      if (!reader.getFormatName().equalsIgnoreCase("jpeg") || !reader.canReadRaster()) {
        return null;
      }
      raw = reader.readRaster(0, null);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    if (raw.getNumBands() != 4) {
      return null;
    }
    int h = raw.getHeight();
    int w = raw.getWidth();
    int transform = adobeTransform(reader);
    BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    int[] px = new int[4];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        raw.getPixel(x, y, px);
        if (transform == 2) {
          // YCCK (libjpeg's default for CMYK): the first three bands are YCbCr of 255 - CMY
          double yy = px[0];
          double cb = px[1] - 128.0;
          double cr = px[2] - 128.0;
          px[0] = 255 - clip8(yy + 1.402 * cr);
          px[1] = 255 - clip8(yy - 0.344136 * cb - 0.714136 * cr);
          px[2] = 255 - clip8(yy + 1.772 * cb);
        }
        // Adobe files store CMYK inverted: with s = 255 - C and t = 255 - K, PIL's
        // convert("RGB") gives R = (255 - C)(255 - K) / 255 = s * t / 255
        boolean inverted = transform >= 0;
        int k = inverted ? px[3] : 255 - px[3];
        int r = ((inverted ? px[0] : 255 - px[0]) * k + 127) / 255;
        int g = ((inverted ? px[1] : 255 - px[1]) * k + 127) / 255;
        int b = ((inverted ? px[2] : 255 - px[2]) * k + 127) / 255;
        rgb.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    return rgb;
  }

  private static int clip8(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }

  /**
   * The transform of the file's Adobe APP14 marker (0: CMYK, 2: YCCK), or -1 without one (then
   * the samples are plain, not inverted, CMYK).
   */
  private static int adobeTransform(ImageReader reader) {
    try {
      org.w3c.dom.Node root =
          reader.getImageMetadata(0).getAsTree("javax_imageio_jpeg_image_1.0");
      org.w3c.dom.NodeList adobe = ((org.w3c.dom.Element) root).getElementsByTagName("app14Adobe");
      if (adobe.getLength() == 0) {
        return -1;
      }
      org.w3c.dom.Node t = adobe.item(0).getAttributes().getNamedItem("transform");
      return t == null ? 0 : Integer.parseInt(t.getNodeValue());
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
