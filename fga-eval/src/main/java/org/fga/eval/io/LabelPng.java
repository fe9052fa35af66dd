package org.fga.eval.io;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;
import org.fga.core.data.Mask;
import org.fga.core.error.FgaUserException;

/**
 * Label masks stored as PNG: palette images (as PASCAL VOC ships them) give the palette INDEX of
 * each pixel, greyscale images the grey value. Colour images are refused, since their RGB values
 * are not class ids.
 *
 * <p>Non-interlaced 1/2/4/8-bit palette and greyscale files are decoded here directly (inflate and
 * un-filter), which is several times faster than {@code ImageIO} for the thousands of masks of a
 * segmentation benchmark; interlaced files go through {@code ImageIO}.
 */
public final class LabelPng {
  private static final long SIGNATURE = 0x89504E470D0A1A0AL;
  private static final int GREY = 0;
  private static final int PALETTE = 3;

  private LabelPng() {}

  public static Mask read(Path path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new FgaUserException(path + ": no such file");
    } catch (IOException e) {
      throw new FgaUserException(path + ": cannot read: " + e.getMessage(), e);
    }
    return decode(bytes, path.toString());
  }

  /** Decodes PNG bytes; {@code src} names the input in errors. */
  public static Mask decode(byte[] bytes, String src) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    if (bytes.length < 8 || b.getLong() != SIGNATURE) {
      throw new FgaUserException(src + ": not a PNG file");
    }
    int width = 0;
    int height = 0;
    int depth = 0;
    int colorType = -1;
    int interlace = 0;
    ByteArrayOutputStream idat = new ByteArrayOutputStream(bytes.length);
    while (b.remaining() >= 12) {
      int len = b.getInt();
      int type = b.getInt();
      if (len < 0 || len > b.remaining() - 4) {
        throw new FgaUserException(src + ": corrupt PNG chunk");
      }
      int start = b.position();
      if (type == 0x49484452) { // IHDR
        width = b.getInt(start);
        height = b.getInt(start + 4);
        depth = bytes[start + 8] & 0xFF;
        colorType = bytes[start + 9] & 0xFF;
        interlace = bytes[start + 12] & 0xFF;
        if (colorType != GREY && colorType != PALETTE) {
          throw new FgaUserException(
              src + ": PNG colour type " + colorType + " is not a label mask; save masks as palette or greyscale");
        }
        if (depth > 8) {
          throw new FgaUserException(src + ": " + depth + "-bit PNG masks are not supported (use 8-bit)");
        }
      } else if (type == 0x49444154) { // IDAT
        idat.write(bytes, start, len);
      } else if (type == 0x49454E44) { // IEND
        break;
      }
      b.position(start + len + 4); // skip data and CRC
    }
    if (width <= 0 || height <= 0) {
      throw new FgaUserException(src + ": PNG has no image header");
    }
    if (interlace != 0) {
      return viaImageIo(bytes, src);
    }
    return unfilter(inflate(idat.toByteArray(), (long) height * (1 + rowBytes(width, depth)), src), width, height, depth, src);
  }

  private static int rowBytes(int width, int depth) {
    return (width * depth + 7) / 8;
  }

  private static byte[] inflate(byte[] z, long expected, String src) {
    if (expected > Integer.MAX_VALUE) {
      throw new FgaUserException(src + ": PNG too large");
    }
    byte[] out = new byte[(int) expected];
    Inflater inf = new Inflater();
    try {
      inf.setInput(z);
      int n = 0;
      while (n < out.length) {
        int r = inf.inflate(out, n, out.length - n);
        if (r == 0 && (inf.finished() || inf.needsInput() || inf.needsDictionary())) {
          break;
        }
        n += r;
      }
      if (n < out.length) {
        throw new FgaUserException(src + ": truncated PNG image data");
      }
    } catch (DataFormatException e) {
      throw new FgaUserException(src + ": corrupt PNG image data: " + e.getMessage(), e);
    } finally {
      inf.end();
    }
    return out;
  }

  /** Reverses the PNG row filters (bytes per pixel is 1 for every depth up to 8) and unpacks bits. */
  private static Mask unfilter(byte[] raw, int width, int height, int depth, String src) {
    int stride = rowBytes(width, depth);
    byte[] cur = new byte[stride];
    byte[] prev = new byte[stride];
    byte[] out = new byte[width * height];
    int pos = 0;
    for (int y = 0; y < height; y++) {
      int filter = raw[pos++] & 0xFF;
      System.arraycopy(raw, pos, cur, 0, stride);
      pos += stride;
      switch (filter) {
        case 0:
          break;
        case 1:
          for (int i = 1; i < stride; i++) {
            cur[i] += cur[i - 1];
          }
          break;
        case 2:
          for (int i = 0; i < stride; i++) {
            cur[i] += prev[i];
          }
          break;
        case 3:
          for (int i = 0; i < stride; i++) {
            int left = i > 0 ? cur[i - 1] & 0xFF : 0;
            cur[i] += (byte) ((left + (prev[i] & 0xFF)) >>> 1);
          }
          break;
        case 4:
          for (int i = 0; i < stride; i++) {
            int a = i > 0 ? cur[i - 1] & 0xFF : 0;
            int bb = prev[i] & 0xFF;
            int c = i > 0 ? prev[i - 1] & 0xFF : 0;
            cur[i] += (byte) paeth(a, bb, c);
          }
          break;
        default:
          throw new FgaUserException(src + ": corrupt PNG (filter type " + filter + " in row " + y + ")");
      }
      int o = y * width;
      if (depth == 8) {
        System.arraycopy(cur, 0, out, o, width);
      } else {
        int perByte = 8 / depth;
        int mask = (1 << depth) - 1;
        for (int x = 0; x < width; x++) {
          int shift = 8 - depth * (x % perByte + 1);
          out[o + x] = (byte) (((cur[x / perByte] & 0xFF) >>> shift) & mask);
        }
      }
      byte[] t = prev;
      prev = cur;
      cur = t;
    }
    return new Mask(height, width, out);
  }

  private static int paeth(int a, int b, int c) {
    int p = a + b - c;
    int pa = Math.abs(p - a);
    int pb = Math.abs(p - b);
    int pc = Math.abs(p - c);
    if (pa <= pb && pa <= pc) {
      return a;
    }
    return pb <= pc ? b : c;
  }

  private static Mask viaImageIo(byte[] bytes, String src) {
    try {
      BufferedImage img = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
      if (img == null) {
        throw new FgaUserException(src + ": cannot decode PNG");
      }
      Raster r = img.getRaster();
      if (r.getNumBands() != 1) {
        throw new FgaUserException(src + ": PNG is not a palette or greyscale mask");
      }
      Mask m = Mask.zeros(img.getHeight(), img.getWidth());
      for (int y = 0; y < img.getHeight(); y++) {
        for (int x = 0; x < img.getWidth(); x++) {
          m.set(y, x, r.getSample(x, y, 0));
        }
      }
      return m;
    } catch (IOException e) {
      throw new FgaUserException(src + ": cannot decode PNG: " + e.getMessage(), e);
    }
  }

  /** Writes an 8-bit palette PNG whose indices are the mask values (VOC-style colours). */
  public static void writePalette(Path path, Mask mask) throws IOException {
    byte[] r = new byte[256];
    byte[] g = new byte[256];
    byte[] bl = new byte[256];
    for (int i = 0; i < 256; i++) {
      // The PASCAL VOC colour map: bits of the index spread over the three channels.
      int c = i;
      int rr = 0;
      int gg = 0;
      int bb = 0;
      for (int j = 0; j < 8; j++) {
        rr |= ((c >> 0) & 1) << (7 - j);
        gg |= ((c >> 1) & 1) << (7 - j);
        bb |= ((c >> 2) & 1) << (7 - j);
        c >>= 3;
      }
      r[i] = (byte) rr;
      g[i] = (byte) gg;
      bl[i] = (byte) bb;
    }
    IndexColorModel cm = new IndexColorModel(8, 256, r, g, bl);
    BufferedImage img = new BufferedImage(mask.width(), mask.height(), BufferedImage.TYPE_BYTE_INDEXED, cm);
    img.getRaster().setDataElements(0, 0, mask.width(), mask.height(), mask.data());
    if (!ImageIO.write(img, "png", path.toFile())) {
      throw new IOException("no PNG writer");
    }
  }
}
