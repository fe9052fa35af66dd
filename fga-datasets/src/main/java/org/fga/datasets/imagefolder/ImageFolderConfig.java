package org.fga.datasets.imagefolder;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Map;
import org.fga.datasets.DiskDataConfig;
import org.fga.datasets.wsol.MetadataSplit;

/**
 * {@code data: {type: imagefolder, root: ...}}: {@code <root>/<split>/<class>/<image>}, or, for
 * ImageNet's official layout, a flat {@code val/} labelled by {@code devkit} or {@code valLabels}
 * (see {@link ValLabels}).
 *
 * @param root folder holding {@code train/}, {@code val/} and optionally {@code test/}
 * @param imageSize training and test crop (missing or 0: 224)
 * @param skipCorrupt skip unreadable images instead of failing
 * @param boxes optional folder of VOC-format XML files named like the images ({@code
 *     <boxes>/<split>/<name>.xml} or {@code <boxes>/<name>.xml}), e.g. ImageNet's validation boxes;
 *     may be {@code val/} itself when the XML files were unpacked beside the images
 * @param devkit ImageNet's {@code ILSVRC2012_devkit_t12} folder: {@code val/} is flat and labelled
 *     by its {@code data/ILSVRC2012_validation_ground_truth.txt} through {@code data/meta.mat}
 * @param valLabels a {@code name,label} or {@code name label} list labelling a flat {@code val/},
 *     e.g. wsolevaluation's {@code metadata/ILSVRC/test/class_labels.txt}; labels are class folder
 *     names (wnids) or 0-based indices in sorted class order
 * @param splits splits read from wsolevaluation metadata instead of the folders ({@link
 *     MetadataSplit}), e.g. {@code val: {metadata: .../metadata/ILSVRC/val}} for ImageNetV2, the
 *     WSOL protocol's train-fullsup split; labels are 0-based indices in the sorted class folder
 *     order of {@code train/}, which is required; images default to {@code root}
 */
@JsonTypeName("imagefolder")
public record ImageFolderConfig(
    String root,
    int imageSize,
    boolean skipCorrupt,
    String boxes,
    String devkit,
    String valLabels,
    Map<String, MetadataSplit> splits)
    implements DiskDataConfig {
  public ImageFolderConfig {
    DiskDataConfig.requireRoot(root, "imagefolder");
    imageSize = DiskDataConfig.imageSizeOr(imageSize, 224);
    splits = MetadataSplit.checked(splits);
    if (devkit != null && valLabels != null) {
      throw new IllegalArgumentException(
          "data.devkit and data.valLabels both label the flat val/ folder; set one of them");
    }
  }

  /** Reads the block with every key optional but {@code root}. */
  @JsonCreator
  public static ImageFolderConfig fromJson(
      @JsonProperty("root") String root,
      @JsonProperty("imageSize") Integer imageSize,
      @JsonProperty("skipCorrupt") Boolean skipCorrupt,
      @JsonProperty("boxes") String boxes,
      @JsonProperty("devkit") String devkit,
      @JsonProperty("valLabels") String valLabels,
      @JsonProperty("splits") Map<String, MetadataSplit> splits) {
    return new ImageFolderConfig(
        root,
        imageSize == null ? 0 : imageSize,
        skipCorrupt != null && skipCorrupt,
        boxes,
        devkit,
        valLabels,
        splits);
  }

  public static ImageFolderConfig of(String root) {
    return new ImageFolderConfig(root, 0, false, null, null, null, null);
  }

  public ImageFolderConfig withSplits(Map<String, MetadataSplit> metadataSplits) {
    return new ImageFolderConfig(
        root, imageSize, skipCorrupt, boxes, devkit, valLabels, metadataSplits);
  }

  /** Whether {@code val/} is ImageNet's flat folder, labelled by a devkit or a list. */
  public boolean flatVal() {
    return devkit != null || valLabels != null;
  }
}
