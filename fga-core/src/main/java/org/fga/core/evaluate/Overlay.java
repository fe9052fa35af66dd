package org.fga.core.evaluate;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.fga.core.data.Box;
import org.fga.core.data.FloatImage;

/**
 * A picture of where a method looks: the image, its min–max normalised attention map in a jet
 * colour map blended on top, ground-truth boxes in green and predicted boxes in red, side by side
 * with the plain image.
 */
public final class Overlay {
  private Overlay() {}

  /** {@code map} is {@code [H][W]}, at the image's size. */
  public static BufferedImage render(FloatImage image, float[][] map, List<Box> truth, List<Box> predicted) {
    return render(image, map, truth, predicted, List.of());
  }

  /** As above, with the regions the method chose drawn in blue on both halves. */
  public static BufferedImage render(
      FloatImage image, float[][] map, List<Box> truth, List<Box> predicted, List<Box> chosen) {
    int h = image.height();
    int w = image.width();
    float lo = Float.POSITIVE_INFINITY;
    float hi = Float.NEGATIVE_INFINITY;
    for (float[] row : map) {
      for (float v : row) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    float range = hi > lo ? hi - lo : 1;
    BufferedImage out = new BufferedImage(2 * w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int r = channel(image, 0, y, x);
        int g = channel(image, Math.min(1, image.channels() - 1), y, x);
        int b = channel(image, Math.min(2, image.channels() - 1), y, x);
        out.setRGB(x, y, (r << 16) | (g << 8) | b);
        int jet = jet((map[y][x] - lo) / range);
        int mr = (int) (0.5 * r + 0.5 * ((jet >> 16) & 0xFF));
        int mg = (int) (0.5 * g + 0.5 * ((jet >> 8) & 0xFF));
        int mb = (int) (0.5 * b + 0.5 * (jet & 0xFF));
        out.setRGB(w + x, y, (mr << 16) | (mg << 8) | mb);
      }
    }
    Graphics2D g2 = out.createGraphics();
    g2.setStroke(new BasicStroke(1));
    draw(g2, truth, Color.GREEN, w);
    draw(g2, predicted, Color.RED, w);
    draw(g2, chosen, Color.BLUE, 0);
    draw(g2, chosen, Color.BLUE, w);
    g2.dispose();
    return out;
  }

  private static void draw(Graphics2D g2, List<Box> boxes, Color c, int offset) {
    if (boxes == null) {
      return;
    }
    g2.setColor(c);
    for (Box b : boxes) {
      g2.drawRect(offset + b.x0(), b.y0(), b.x1() - b.x0(), b.y1() - b.y0());
    }
  }

  private static int channel(FloatImage img, int c, int y, int x) {
    return Math.max(0, Math.min(255, Math.round(img.get(c, y, x) * 255)));
  }

  /** The jet colour map: blue (0) through cyan, yellow, to red (1). */
  static int jet(float v) {
    v = Math.max(0, Math.min(1, v));
    float r = clamp01(1.5f - Math.abs(4 * v - 3));
    float g = clamp01(1.5f - Math.abs(4 * v - 2));
    float b = clamp01(1.5f - Math.abs(4 * v - 1));
    return (Math.round(r * 255) << 16) | (Math.round(g * 255) << 8) | Math.round(b * 255);
  }

  private static float clamp01(float v) {
    return Math.max(0, Math.min(1, v));
  }

  public static void write(BufferedImage img, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      ImageIO.write(img, "png", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
