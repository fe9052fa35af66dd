package org.fga.datasets.io;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.fga.core.data.FloatImage;
import org.fga.core.data.Mask;

/**
 * Conversions between {@link FloatImage}/{@link Mask} and AWT images, and writing them to files.
 */
public final class Images {
  private Images() {}

  /** An 8-bit RGB image of {@code img} (values rounded from [0, 1]). */
  public static BufferedImage toBuffered(FloatImage img) {
    int h = img.height();
    int w = img.width();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
    float[] src = img.data();
    int plane = h * w;
    boolean grey = img.channels() == 1;
    for (int p = 0; p < plane; p++) {
      int r = toByte(src[p]);
      int g = grey ? r : toByte(src[plane + p]);
      int b = grey ? r : toByte(src[2 * plane + p]);
      dst[3 * p] = (byte) b;
      dst[3 * p + 1] = (byte) g;
      dst[3 * p + 2] = (byte) r;
    }
    return out;
  }

  /** A CHW float RGB image of any AWT image (grey and palette images become three channels). */
  public static FloatImage fromBuffered(BufferedImage img) {
    int h = img.getHeight();
    int w = img.getWidth();
    float[] data = new float[3 * h * w];
    int plane = h * w;
    if (img.getType() == BufferedImage.TYPE_3BYTE_BGR) {
      byte[] src = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
      for (int p = 0; p < plane; p++) {
        data[p] = (src[3 * p + 2] & 0xFF) * (1f / 255f);
        data[plane + p] = (src[3 * p + 1] & 0xFF) * (1f / 255f);
        data[2 * plane + p] = (src[3 * p] & 0xFF) * (1f / 255f);
      }
    } else if (img.getType() == BufferedImage.TYPE_BYTE_GRAY) {
      byte[] src = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
      for (int p = 0; p < plane; p++) {
        float v = (src[p] & 0xFF) * (1f / 255f);
        data[p] = v;
        data[plane + p] = v;
        data[2 * plane + p] = v;
      }
    } else {
      int[] row = new int[w];
      for (int y = 0; y < h; y++) {
        img.getRGB(0, y, w, 1, row, 0, w);
        for (int x = 0; x < w; x++) {
          int argb = row[x];
          int p = y * w + x;
          data[p] = ((argb >> 16) & 0xFF) * (1f / 255f);
          data[plane + p] = ((argb >> 8) & 0xFF) * (1f / 255f);
          data[2 * plane + p] = (argb & 0xFF) * (1f / 255f);
        }
      }
    }
    return new FloatImage(3, h, w, data);
  }

  /** The raw indices of a palette or grey PNG as a mask (VOC's SegmentationClass convention). */
  public static Mask indicesOf(BufferedImage img) {
    int h = img.getHeight();
    int w = img.getWidth();
    byte[] out = new byte[h * w];
    if (img.getColorModel() instanceof IndexColorModel
        || img.getType() == BufferedImage.TYPE_BYTE_GRAY) {
      int[] row = new int[w];
      for (int y = 0; y < h; y++) {
        img.getRaster().getSamples(0, y, w, 1, 0, row);
        for (int x = 0; x < w; x++) {
          out[y * w + x] = (byte) row[x];
        }
      }
      return new Mask(h, w, out);
    }
    throw new IllegalArgumentException("not a palette or grey image (type " + img.getType() + ")");
  }

  /** A palette PNG image of a label map, with VOC's colour map (index 255 is cream white). */
  public static BufferedImage paletteOf(Mask mask) {
    byte[] r = new byte[256];
    byte[] g = new byte[256];
    byte[] b = new byte[256];
    for (int i = 0; i < 256; i++) {
      int[] c = vocColour(i);
      r[i] = (byte) c[0];
      g[i] = (byte) c[1];
      b[i] = (byte) c[2];
    }
    IndexColorModel cm = new IndexColorModel(8, 256, r, g, b);
    BufferedImage out =
        new BufferedImage(mask.width(), mask.height(), BufferedImage.TYPE_BYTE_INDEXED, cm);
    byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
    System.arraycopy(mask.data(), 0, dst, 0, dst.length);
    return out;
  }

  /** A grey image of a mask, 0/1 masks stretched to 0/255 so they can be looked at. */
  public static BufferedImage greyOf(Mask mask, boolean stretchBinary) {
    BufferedImage out =
        new BufferedImage(mask.width(), mask.height(), BufferedImage.TYPE_BYTE_GRAY);
    byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
    byte[] src = mask.data();
    for (int p = 0; p < dst.length; p++) {
      dst[p] = stretchBinary && src[p] == 1 ? (byte) 255 : src[p];
    }
    return out;
  }

  /** PASCAL VOC's colour map: bits of the index spread over the high bits of R, G and B. */
  static int[] vocColour(int index) {
    int r = 0;
    int g = 0;
    int b = 0;
    int c = index;
    for (int j = 0; j < 8; j++) {
      r |= ((c >> 0) & 1) << (7 - j);
      g |= ((c >> 1) & 1) << (7 - j);
      b |= ((c >> 2) & 1) << (7 - j);
      c >>= 3;
    }
    return new int[] {r, g, b};
  }

  public static void writePng(BufferedImage img, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    if (!ImageIO.write(img, "png", file.toFile())) {
      throw new IOException("no PNG writer for image type " + img.getType());
    }
  }

  /** Writes a baseline JPEG at {@code quality} in (0, 1]. */
  public static void writeJpeg(BufferedImage img, Path file, float quality) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg");
    if (!it.hasNext()) {
      throw new IOException("no JPEG writer available");
    }
    ImageWriter writer = it.next();
    try (OutputStream os = Files.newOutputStream(file);
        ImageOutputStream ios = ImageIO.createImageOutputStream(os)) {
      writer.setOutput(ios);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.write(null, new IIOImage(img, null, null), param);
    } finally {
      writer.dispose();
    }
  }

  private static int toByte(float v) {
    int i = Math.round(v * 255f);
    return i < 0 ? 0 : (i > 255 ? 255 : i);
  }
}
