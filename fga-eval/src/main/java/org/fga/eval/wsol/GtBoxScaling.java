package org.fga.eval.wsol;

import java.util.ArrayList;
import java.util.List;
import org.fga.core.data.Box;
import org.fga.core.error.FgaUserException;

/**
 * Ground-truth boxes of the original image scaled to the score map, as wsolevaluation's
 * {@code resize_bbox}: each coordinate times (map size / image size) in double precision, then
 * truncated ({@code int()}), so x1 and y1 are not rounded up.
 */
public final class GtBoxScaling {
  private GtBoxScaling() {}

  public static Box scale(Box b, int imageWidth, int imageHeight, int mapWidth, int mapHeight) {
    if (imageWidth <= 0 || imageHeight <= 0) {
      throw new FgaUserException("image size must be positive, got " + imageWidth + " x " + imageHeight);
    }
    if (b.x0() < 0 || b.y0() < 0) {
      throw new FgaUserException("box " + b + " has a negative coordinate");
    }
    return new Box(
        coordinate(b.x0(), mapWidth, imageWidth),
        coordinate(b.y0(), mapHeight, imageHeight),
        coordinate(b.x1(), mapWidth, imageWidth),
        coordinate(b.y1(), mapHeight, imageHeight));
  }

  /** {@code int(v * new / old)}: the product first, as Python evaluates it left to right. */
  private static int coordinate(int v, int newSize, int oldSize) {
    return (int) ((double) v * (double) newSize / (double) oldSize);
  }

  public static List<Box> scaleAll(List<Box> boxes, int imageWidth, int imageHeight, int mapWidth, int mapHeight) {
    List<Box> out = new ArrayList<>(boxes.size());
    for (Box b : boxes) {
      out.add(scale(b, imageWidth, imageHeight, mapWidth, mapHeight));
    }
    return out;
  }
}
