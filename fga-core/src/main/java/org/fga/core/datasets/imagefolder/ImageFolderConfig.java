package org.fga.core.datasets.imagefolder;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.fga.core.datasets.DiskDataConfig;

/**
 * {@code data: {type: imagefolder, root: ...}}: {@code <root>/<split>/<class>/<image>}.
 *
 * @param root folder holding {@code train/}, {@code val/} and optionally {@code test/}
 * @param imageSize training and test crop (missing or 0: 224)
 * @param skipCorrupt skip unreadable images instead of failing
 * @param boxes optional folder of VOC-format XML files named like the images ({@code
 *     <boxes>/<split>/<name>.xml} or {@code <boxes>/<name>.xml}), e.g. ImageNet's validation boxes
 */
@JsonTypeName("imagefolder")
public record ImageFolderConfig(String root, int imageSize, boolean skipCorrupt, String boxes)
    implements DiskDataConfig {
  public ImageFolderConfig {
    DiskDataConfig.requireRoot(root, "imagefolder");
    imageSize = DiskDataConfig.imageSizeOr(imageSize, 224);
  }

  /** Reads the block with every key optional but {@code root}. */
  @JsonCreator
  public static ImageFolderConfig fromJson(
      @JsonProperty("root") String root,
      @JsonProperty("imageSize") Integer imageSize,
      @JsonProperty("skipCorrupt") Boolean skipCorrupt,
      @JsonProperty("boxes") String boxes) {
    return new ImageFolderConfig(
        root, imageSize == null ? 0 : imageSize, skipCorrupt != null && skipCorrupt, boxes);
  }

  public static ImageFolderConfig of(String root) {
    return new ImageFolderConfig(root, 0, false, null);
  }
}
