package org.fga.core.data;

/**
 * A per-pixel label map, row-major. Binary masks hold 0 or 1; segmentation masks hold class ids
 * with 255 meaning "ignore", as in PASCAL VOC.
 */
public record Mask(int height, int width, byte[] data) {
  public static final int IGNORE = 255;

  public Mask {
    if (data.length != height * width) {
      throw new IllegalArgumentException(
          "mask data has " + data.length + " values, expected " + height + "x" + width);
    }
  }

  public static Mask zeros(int height, int width) {
    return new Mask(height, width, new byte[height * width]);
  }

  public int get(int y, int x) {
    return data[y * width + x] & 0xFF;
  }

  public void set(int y, int x, int v) {
    data[y * width + x] = (byte) v;
  }

  /** A binary mask with the box filled (inclusive ends), clipped to the mask. */
  public static Mask ofBoxes(int height, int width, Iterable<Box> boxes) {
    Mask m = zeros(height, width);
    for (Box b : boxes) {
      for (int y = Math.max(0, b.y0()); y <= Math.min(height - 1, b.y1()); y++) {
        for (int x = Math.max(0, b.x0()); x <= Math.min(width - 1, b.x1()); x++) {
          m.set(y, x, 1);
        }
      }
    }
    return m;
  }

  /** The smallest box holding every non-zero pixel, or {@code null} for an empty mask. */
  public Box bounds() {
    int x0 = Integer.MAX_VALUE;
    int y0 = Integer.MAX_VALUE;
    int x1 = -1;
    int y1 = -1;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (data[y * width + x] != 0) {
          x0 = Math.min(x0, x);
          y0 = Math.min(y0, y);
          x1 = Math.max(x1, x);
          y1 = Math.max(y1, y);
        }
      }
    }
    return x1 < 0 ? null : new Box(x0, y0, x1, y1);
  }
}
