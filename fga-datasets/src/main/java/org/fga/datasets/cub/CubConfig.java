package org.fga.datasets.cub;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Map;
import org.fga.datasets.DiskDataConfig;
import org.fga.datasets.wsol.MetadataSplit;

/**
 * {@code data: {type: cub, root: ...}}.
 *
 * @param root the {@code CUB_200_2011} folder or the folder holding it
 * @param imageSize training and test crop (missing or 0: 448, the fine-grained papers' size)
 * @param skipCorrupt skip unreadable images instead of failing
 * @param segmentations folder of the separately released masks; missing: {@code
 *     <root>/segmentations} or {@code <root>/../segmentations} if present, else no masks
 * @param heldOutPerClass if positive, the first this many training images of each class (in
 *     {@code images.txt} order) form a {@code val} split and leave the training split: a
 *     stand-in for the held-out set WSOL thresholds are chosen on when CUBV2 (wsolevaluation's
 *     train-fullsup, 5 newly collected images per class) is not at hand; {@code splits.val}
 *     reads the real one
 * @param splits splits read from wsolevaluation metadata instead ({@link MetadataSplit}), e.g.
 *     {@code val: {metadata: .../metadata/CUB/val, images: CUBV2}}; labels are 0-based indices in
 *     {@code classes.txt} order, images default to {@code <root>/images}; these splits carry
 *     labels and boxes only (no parts, no masks)
 * @param order the order of each split's images: {@code images.txt} (default) or {@code
 *     imageFolder}, torchvision's ImageFolder order (class folder, then file name), in which
 *     reference code that reads the images as an ImageFolder batches its in-order test passes:
 *     batch-dependent test features (LCR's branch normalisation) and a drop-last test loader then
 *     see the same batches here
 */
@JsonTypeName("cub")
public record CubConfig(
    String root,
    int imageSize,
    boolean skipCorrupt,
    String segmentations,
    int heldOutPerClass,
    Map<String, MetadataSplit> splits,
    // written only when set: the resolved specs of runs made before the key existed stay equal
    @JsonInclude(JsonInclude.Include.NON_NULL) String order)
    implements DiskDataConfig {
  /** The orders {@code order} takes. */
  public static final java.util.List<String> ORDERS = java.util.List.of("images.txt", "imageFolder");

  public CubConfig {
    DiskDataConfig.requireRoot(root, "cub");
    imageSize = DiskDataConfig.imageSizeOr(imageSize, 448);
    if (heldOutPerClass < 0) {
      throw new IllegalArgumentException(
          "data.heldOutPerClass must be >= 0, got " + heldOutPerClass);
    }
    splits = MetadataSplit.checked(splits);
    if (order != null && !ORDERS.contains(order)) {
      throw new IllegalArgumentException("data.order must be one of " + ORDERS + ", got '" + order + "'");
    }
    order = ORDERS.get(0).equals(order) ? null : order; // absent when default: older runs' resolved specs stay as they were
    if (order != null && !splits.isEmpty()) {
      throw new IllegalArgumentException("data.order applies to the official split (images.txt); data.splits reads "
          + splits.keySet() + " from metadata in its own order: set one of them");
    }
    if (heldOutPerClass > 0 && splits.containsKey("val")) {
      throw new IllegalArgumentException(
          "data.heldOutPerClass and data.splits.val both define the val split; set one of them");
    }
    if (heldOutPerClass > 0 && splits.containsKey("train")) {
      // the held-out images are taken out of the official training list; a train split read from
      // metadata would still contain them, and the threshold would be chosen on trained images
      throw new IllegalArgumentException(
          "data.heldOutPerClass holds out official training images, but data.splits.train reads"
              + " training images from metadata that may include them; set one of them");
    }
  }

  /** Whether each split is in torchvision's ImageFolder order rather than images.txt's. */
  public boolean imageFolderOrder() {
    return "imageFolder".equals(order);
  }

  /** Reads the block with every key optional but {@code root}. */
  @JsonCreator
  public static CubConfig fromJson(
      @JsonProperty("root") String root,
      @JsonProperty("imageSize") Integer imageSize,
      @JsonProperty("skipCorrupt") Boolean skipCorrupt,
      @JsonProperty("segmentations") String segmentations,
      @JsonProperty("heldOutPerClass") Integer heldOutPerClass,
      @JsonProperty("splits") Map<String, MetadataSplit> splits,
      @JsonProperty("order") String order) {
    return new CubConfig(
        root, imageSize == null ? 0 : imageSize, skipCorrupt != null && skipCorrupt, segmentations,
        heldOutPerClass == null ? 0 : heldOutPerClass, splits, order);
  }

  public static CubConfig of(String root) {
    return new CubConfig(root, 0, false, null, 0, null, null);
  }

  public CubConfig withHeldOutPerClass(int n) {
    return new CubConfig(root, imageSize, skipCorrupt, segmentations, n, splits, order);
  }

  public CubConfig withSplits(Map<String, MetadataSplit> metadataSplits) {
    return new CubConfig(
        root, imageSize, skipCorrupt, segmentations, heldOutPerClass, metadataSplits, order);
  }
}
