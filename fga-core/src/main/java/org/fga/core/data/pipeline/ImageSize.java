package org.fga.core.data.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * A height × width in pixels. Experiment files write {@code 448} for a square or {@code [384,
 * 192]} for height and width (torchvision's order); it is written back as {@code [H, W]}.
 */
public record ImageSize(int height, int width) {
  public ImageSize {
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException("size must be positive, got [" + height + ", " + width + "]");
    }
  }

  public static ImageSize square(int side) {
    return new ImageSize(side, side);
  }

  /** Reads {@code N} or {@code [H, W]}. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ImageSize of(Object value) {
    if (value instanceof Integer n) {
      return square(n);
    }
    if (value instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Integer h && l.get(1) instanceof Integer w) {
      return new ImageSize(h, w);
    }
    throw new IllegalArgumentException("must be N or [H, W] in pixels, got " + value);
  }

  @JsonValue
  public List<Integer> asList() {
    return List.of(height, width);
  }

  @Override
  public String toString() {
    return height + "x" + width;
  }
}
