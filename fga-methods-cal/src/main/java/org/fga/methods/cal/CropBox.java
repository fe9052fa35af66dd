package org.fga.methods.cal;

/**
 * A crop window in image pixels, rows {@code [top, bottom)} and columns {@code [left, right)}.
 */
public record CropBox(int top, int bottom, int left, int right) {
  public CropBox {
    if (bottom <= top || right <= left) {
      throw new IllegalArgumentException("empty crop box " + top + ".." + bottom + " x " + left + ".." + right);
    }
  }

  public int height() {
    return bottom - top;
  }

  public int width() {
    return right - left;
  }

  /**
   * The box the reference code crops: the extent of the pixels of the upsampled map at or above
   * {@code threshold}, widened by {@code padding·H} rows and {@code padding·W} columns on each side
   * (truncated to int, clamped to the image). As in the reference, the last row/column index of the
   * mask becomes the exclusive end before padding, so the unpadded box is one pixel short; with no
   * pixel above the threshold (impossible for θ ≤ 1) the whole image is kept.
   *
   * @param map H×W row-major attention map at image resolution
   */
  public static CropBox of(float[] map, int h, int w, double threshold, double padding) {
    int ymin = h;
    int ymax = -1;
    int xmin = w;
    int xmax = -1;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (map[y * w + x] >= threshold) {
          ymin = Math.min(ymin, y);
          ymax = Math.max(ymax, y);
          xmin = Math.min(xmin, x);
          xmax = Math.max(xmax, x);
        }
      }
    }
    if (ymax < 0) {
      return new CropBox(0, h, 0, w);
    }
    int top = Math.max((int) (ymin - padding * h), 0);
    int bottom = Math.min((int) (ymax + padding * h), h);
    int left = Math.max((int) (xmin - padding * w), 0);
    int right = Math.min((int) (xmax + padding * w), w);
    // a one-pixel mask with no padding would give an empty slice (the reference crashes there)
    return new CropBox(top, Math.max(bottom, top + 1), left, Math.max(right, left + 1));
  }
}
