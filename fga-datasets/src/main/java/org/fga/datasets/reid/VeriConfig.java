package org.fga.datasets.reid;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * {@code data: {type: veri776, root: ...}} for VeRi-776.
 *
 * @param root the unpacked folder, or the folder holding it
 * @param height image height after resizing (missing or 0: 256)
 * @param width image width after resizing (missing or 0: 256)
 * @param skipCorrupt skip unreadable images instead of failing
 */
@JsonTypeName("veri776")
public record VeriConfig(String root, int height, int width, boolean skipCorrupt)
    implements ReidConfig {
  public VeriConfig {
    int[] hw = ReidConfig.size("veri776", root, height, width, 256, 256);
    height = hw[0];
    width = hw[1];
  }

  /** Reads the block with every key optional but {@code root}. */
  @JsonCreator
  public static VeriConfig fromJson(
      @JsonProperty("root") String root,
      @JsonProperty("height") Integer height,
      @JsonProperty("width") Integer width,
      @JsonProperty("skipCorrupt") Boolean skipCorrupt) {
    return new VeriConfig(
        root,
        height == null ? 0 : height,
        width == null ? 0 : width,
        skipCorrupt != null && skipCorrupt);
  }

  public static VeriConfig of(String root) {
    return new VeriConfig(root, 0, 0, false);
  }
}
