package org.fga.core.datasets.cub;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.fga.core.datasets.DiskDataConfig;

/**
 * {@code data: {type: cub, root: ...}}.
 *
 * @param root the {@code CUB_200_2011} folder or the folder holding it
 * @param imageSize training and test crop (missing or 0: 448, the fine-grained papers' size)
 * @param skipCorrupt skip unreadable images instead of failing
 * @param segmentations folder of the separately released masks; missing: {@code
 *     <root>/segmentations} or {@code <root>/../segmentations} if present, else no masks
 * @param heldOutPerClass if positive, the first this many training images of each class (in
 *     {@code images.txt} order) form a {@code val} split and leave the training split: the
 *     held-out set WSOL thresholds are chosen on (Choe et al.'s train-fullsup collected 5 new
 *     images per class instead; this is the substitute a plain CUB download allows)
 */
@JsonTypeName("cub")
public record CubConfig(
    String root, int imageSize, boolean skipCorrupt, String segmentations, int heldOutPerClass)
    implements DiskDataConfig {
  public CubConfig {
    DiskDataConfig.requireRoot(root, "cub");
    imageSize = DiskDataConfig.imageSizeOr(imageSize, 448);
    if (heldOutPerClass < 0) {
      throw new IllegalArgumentException("data.heldOutPerClass must be >= 0, got " + heldOutPerClass);
    }
  }

  /** Reads the block with every key optional but {@code root}. */
  @JsonCreator
  public static CubConfig fromJson(
      @JsonProperty("root") String root,
      @JsonProperty("imageSize") Integer imageSize,
      @JsonProperty("skipCorrupt") Boolean skipCorrupt,
      @JsonProperty("segmentations") String segmentations,
      @JsonProperty("heldOutPerClass") Integer heldOutPerClass) {
    return new CubConfig(
        root, imageSize == null ? 0 : imageSize, skipCorrupt != null && skipCorrupt, segmentations,
        heldOutPerClass == null ? 0 : heldOutPerClass);
  }

  public static CubConfig of(String root) {
    return new CubConfig(root, 0, false, null, 0);
  }

  public CubConfig withHeldOutPerClass(int n) {
    return new CubConfig(root, imageSize, skipCorrupt, segmentations, n);
  }
}
