package org.fga.datasets.reid;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * {@code data: {type: market1501, root: ...}} for Market-1501.
 *
 * @param root the unpacked folder, or the folder holding it
 * @param height image height after resizing (missing or 0: 256)
 * @param width image width after resizing (missing or 0: 128)
 * @param skipCorrupt skip unreadable images instead of failing
 */
@JsonTypeName("market1501")
public record MarketConfig(String root, int height, int width, boolean skipCorrupt)
    implements ReidConfig {
  public MarketConfig {
    int[] hw = ReidConfig.size("market1501", root, height, width, 256, 128);
    height = hw[0];
    width = hw[1];
  }

  /** Reads the block with every key optional but {@code root}. */
  @JsonCreator
  public static MarketConfig fromJson(
      @JsonProperty("root") String root,
      @JsonProperty("height") Integer height,
      @JsonProperty("width") Integer width,
      @JsonProperty("skipCorrupt") Boolean skipCorrupt) {
    return new MarketConfig(
        root,
        height == null ? 0 : height,
        width == null ? 0 : width,
        skipCorrupt != null && skipCorrupt);
  }

  public static MarketConfig of(String root) {
    return new MarketConfig(root, 0, 0, false);
  }
}
