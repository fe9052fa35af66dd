package org.fga.datasets.nabirds;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.fga.datasets.DiskDataConfig;

/**
 * {@code data: {type: nabirds, root: ...}}.
 *
 * @param root the {@code nabirds} folder or the folder holding it
 * @param imageSize training and test crop (missing or 0: 448)
 * @param skipCorrupt skip unreadable images instead of failing
 */
@JsonTypeName("nabirds")
public record NabirdsConfig(String root, int imageSize, boolean skipCorrupt)
    implements DiskDataConfig {
  public NabirdsConfig {
    DiskDataConfig.requireRoot(root, "nabirds");
    imageSize = DiskDataConfig.imageSizeOr(imageSize, 448);
  }

  /** Reads the block with every key optional but {@code root}. */
  @JsonCreator
  public static NabirdsConfig fromJson(
      @JsonProperty("root") String root,
      @JsonProperty("imageSize") Integer imageSize,
      @JsonProperty("skipCorrupt") Boolean skipCorrupt) {
    return new NabirdsConfig(
        root, imageSize == null ? 0 : imageSize, skipCorrupt != null && skipCorrupt);
  }

  public static NabirdsConfig of(String root) {
    return new NabirdsConfig(root, 0, false);
  }
}
