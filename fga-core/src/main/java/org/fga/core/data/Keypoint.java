package org.fga.core.data;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named point of the object, e.g. a bird's beak, in the pixel coordinates of its image: pixel
 * column i has its centre at x = i (row j at y = j), the convention of the inclusive {@link Box}es,
 * so a point inside the image lies in [-0.5, width - 0.5) × [-0.5, height - 0.5).
 *
 * @param name the part's name as the dataset gives it (CUB: {@code left eye}, {@code beak}, ...)
 * @param x column, may be fractional
 * @param y row, may be fractional
 * @param visible false for parts the dataset marks as not visible and for points a crop has cut
 *     off; their coordinates are kept as they are (outside the image, or CUB's 0, 0)
 */
public record Keypoint(String name, double x, double y, boolean visible) {
  private static final Pattern SIDE = Pattern.compile("\\b(left|right|Left|Right|LEFT|RIGHT)\\b");

  public Keypoint {
    Objects.requireNonNull(name, "keypoint name");
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      throw new IllegalArgumentException("keypoint '" + name + "' at " + x + "," + y);
    }
  }

  /** Whether the point lies on one of the pixels of a width × height image. */
  public boolean inside(int width, int height) {
    return x >= -0.5 && x < width - 0.5 && y >= -0.5 && y < height - 0.5;
  }

  /** This point, marked not visible if it falls off a width × height image. */
  public Keypoint clippedTo(int width, int height) {
    return !visible || inside(width, height) ? this : new Keypoint(name, x, y, false);
  }

  /**
   * The name the part has in the mirrored image: the words left and right swap ({@code left eye}
   * becomes {@code right eye}), because a mirrored bird's left eye is where a right eye would be.
   * Names without a side are unchanged.
   */
  public static String mirroredName(String name) {
    Matcher m = SIDE.matcher(name);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String w = m.group(1);
      String swapped =
          switch (w) {
            case "left" -> "right";
            case "right" -> "left";
            case "Left" -> "Right";
            case "Right" -> "Left";
            case "LEFT" -> "RIGHT";
            default -> "LEFT";
          };
      m.appendReplacement(out, swapped);
    }
    m.appendTail(out);
    return out.toString();
  }
}
