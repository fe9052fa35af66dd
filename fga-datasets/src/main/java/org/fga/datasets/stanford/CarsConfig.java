package org.fga.datasets.stanford;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.fga.datasets.DiskDataConfig;

/**
 * {@code data: {type: cars, root: ...}} for Stanford Cars (196 car models).
 *
 * @param root the unpacked folder
 * @param imageSize training and test crop (missing or 0: 448)
 * @param skipCorrupt skip unreadable images instead of failing
 */
@JsonTypeName("cars")
public record CarsConfig(String root, int imageSize, boolean skipCorrupt)
    implements DiskDataConfig {
  public CarsConfig {
    DiskDataConfig.requireRoot(root, "cars");
    imageSize = DiskDataConfig.imageSizeOr(imageSize, 448);
  }

  /** Reads the block with every key optional but {@code root}. */
  @JsonCreator
  public static CarsConfig fromJson(
      @JsonProperty("root") String root,
      @JsonProperty("imageSize") Integer imageSize,
      @JsonProperty("skipCorrupt") Boolean skipCorrupt) {
    return new CarsConfig(
        root, imageSize == null ? 0 : imageSize, skipCorrupt != null && skipCorrupt);
  }

  public static CarsConfig of(String root) {
    return new CarsConfig(root, 0, false);
  }
}
