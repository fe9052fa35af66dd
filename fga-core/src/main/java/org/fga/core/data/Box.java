package org.fga.core.data;

/** An axis-aligned box in pixel coordinates, inclusive of both ends (x1, y1 are inside the box). */
public record Box(int x0, int y0, int x1, int y1) {
  public Box {
    if (x1 < x0 || y1 < y0) {
      throw new IllegalArgumentException("empty box " + x0 + "," + y0 + "," + x1 + "," + y1);
    }
  }

  public int width() {
    return x1 - x0 + 1;
  }

  public int height() {
    return y1 - y0 + 1;
  }

  public long area() {
    return (long) width() * height();
  }

  /** Intersection over union with inclusive pixel counting (the WSOL protocol's convention). */
  public double iou(Box o) {
    int ix0 = Math.max(x0, o.x0);
    int iy0 = Math.max(y0, o.y0);
    int ix1 = Math.min(x1, o.x1);
    int iy1 = Math.min(y1, o.y1);
    if (ix1 < ix0 || iy1 < iy0) {
      return 0;
    }
    double inter = (double) (ix1 - ix0 + 1) * (iy1 - iy0 + 1);
    return inter / (area() + o.area() - inter);
  }
}
