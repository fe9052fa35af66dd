package org.fga.eval.wsol;

/**
 * {@code cv2.contourArea} of the outer contour that {@code cv2.findContours} traces from a
 * component's first pixel in raster order: OpenCV's border following ({@code icvFetchContour},
 * Suzuki–Abe with 8-connected foreground) ported step for step, with the shoelace sum taken over
 * every step. {@code CHAIN_APPROX_SIMPLE} keeps only the points where the direction changes; the
 * dropped points lie on straight runs between kept ones, so the polygon, and its area, are the same.
 */
final class ContourArea {
  /** OpenCV's chain codes: 0 east, 1 north-east, 2 north, … 7 south-east (y grows downwards). */
  private static final int[] DX = {1, 1, 0, -1, -1, -1, 0, 1};
  private static final int[] DY = {0, -1, -1, -1, 0, 1, 1, 1};

  private ContourArea() {}

  /**
   * Twice the unsigned area of the outer contour of the component of the mask {@code q > level}
   * whose first pixel in raster order is {@code start} (row-major index in an h×w map).
   */
  static long twiceArea(int[] q, int h, int w, int level, int start) {
    int x0 = start % w;
    int y0 = start / w;
    // icvFetchContour: an outer border starts searching at direction 4 (west), clockwise.
    int s = 4;
    int x1;
    int y1;
    do {
      s = (s - 1) & 7;
      x1 = x0 + DX[s];
      y1 = y0 + DY[s];
    } while (!in(q, h, w, level, x1, y1) && s != 4);
    if (s == 4) {
      return 0; // a single pixel: one point, area 0
    }
    int x3 = x0;
    int y3 = y0;
    long twice = 0;
    for (;;) {
      int sEnd = s;
      int x4;
      int y4;
      do {
        s++;
        x4 = x3 + DX[s & 7];
        y4 = y3 + DY[s & 7];
      } while (!in(q, h, w, level, x4, y4) && s < sEnd + 8);
      s &= 7;
      twice += (long) x3 * y4 - (long) y3 * x4;
      if (x4 == x0 && y4 == y0 && x3 == x1 && y3 == y1) {
        break;
      }
      x3 = x4;
      y3 = y4;
      s = (s + 4) & 7;
    }
    return Math.abs(twice);
  }

  /** In the mask; outside the image is background (findContours pads the image with zeros). */
  private static boolean in(int[] q, int h, int w, int level, int x, int y) {
    return x >= 0 && y >= 0 && x < w && y < h && q[y * w + x] > level;
  }
}
