package org.fga.bench.layout;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a layout writer produced.
 *
 * @param layout the layout's name
 * @param root the dataset root
 * @param images images written per split name (the layout's own split names)
 * @param classes classes (or training identities)
 */
public record LayoutSummary(String layout, Path root, Map<String, Integer> images, int classes) {
  public LayoutSummary {
    images = Map.copyOf(images);
  }

  public int total() {
    return images.values().stream().mapToInt(Integer::intValue).sum();
  }
}
