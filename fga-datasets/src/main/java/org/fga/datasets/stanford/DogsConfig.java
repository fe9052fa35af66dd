package org.fga.datasets.stanford;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.fga.datasets.DiskDataConfig;

/**
 * {@code data: {type: dogs, root: ...}} for Stanford Dogs (120 breeds).
 *
 * @param root the unpacked folder
 * @param imageSize training and test crop (missing or 0: 448)
 * @param skipCorrupt skip unreadable images instead of failing
 */
@JsonTypeName("dogs")
public record DogsConfig(String root, int imageSize, boolean skipCorrupt)
    implements DiskDataConfig {
  public DogsConfig {
    DiskDataConfig.requireRoot(root, "dogs");
    imageSize = DiskDataConfig.imageSizeOr(imageSize, 448);
  }

  /** Reads the block with every key optional but {@code root}. */
  @JsonCreator
  public static DogsConfig fromJson(
      @JsonProperty("root") String root,
      @JsonProperty("imageSize") Integer imageSize,
      @JsonProperty("skipCorrupt") Boolean skipCorrupt) {
    return new DogsConfig(
        root, imageSize == null ? 0 : imageSize, skipCorrupt != null && skipCorrupt);
  }

  public static DogsConfig of(String root) {
    return new DogsConfig(root, 0, false);
  }
}
