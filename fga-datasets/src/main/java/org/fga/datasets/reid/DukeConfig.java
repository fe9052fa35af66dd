package org.fga.datasets.reid;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * {@code data: {type: dukemtmc, root: ...}} for DukeMTMC-reID.
 *
 * @param root the unpacked folder, or the folder holding it
 * @param height image height after resizing (missing or 0: 256)
 * @param width image width after resizing (missing or 0: 128)
 * @param skipCorrupt skip unreadable images instead of failing
 */
@JsonTypeName("dukemtmc")
public record DukeConfig(String root, int height, int width, boolean skipCorrupt)
    implements ReidConfig {
  public DukeConfig {
    int[] hw = ReidConfig.size("dukemtmc", root, height, width, 256, 128);
    height = hw[0];
    width = hw[1];
  }

  /** Reads the block with every key optional but {@code root}. */
  @JsonCreator
  public static DukeConfig fromJson(
      @JsonProperty("root") String root,
      @JsonProperty("height") Integer height,
      @JsonProperty("width") Integer width,
      @JsonProperty("skipCorrupt") Boolean skipCorrupt) {
    return new DukeConfig(
        root,
        height == null ? 0 : height,
        width == null ? 0 : width,
        skipCorrupt != null && skipCorrupt);
  }

  public static DukeConfig of(String root) {
    return new DukeConfig(root, 0, 0, false);
  }
}
