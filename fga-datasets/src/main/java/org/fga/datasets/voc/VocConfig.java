package org.fga.datasets.voc;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.Locale;
import org.fga.datasets.DiskDataConfig;

/**
 * {@code data: {type: voc, root: ...}}.
 *
 * @param root the {@code VOC2012} folder, or {@code VOCdevkit} or the folder holding it
 * @param imageSize training and test crop (missing or 0: 224; 321 or 448 in some papers)
 * @param skipCorrupt skip unreadable images instead of failing
 * @param task {@code multilabel} (image-level labels from the XML, the default) or {@code
 *     segmentation} (label maps, 255 = ignore)
 * @param trainSet name of the training list: {@code train} (default), or {@code train_aug} for the
 *     SBD-augmented 10582 images (list {@code ImageSets/Segmentation/train_aug.txt}, masks in
 *     {@code SegmentationClassAug/})
 * @param classes class names in label order; missing: the 20 VOC classes
 * @param includeDifficult count objects marked difficult as image labels (off: VOC ignores them)
 * @param sbd the SBD {@code dataset} folder (with {@code cls/}, {@code train.txt}, {@code
 *     val.txt}); with {@code trainSet: train_aug} and no {@code SegmentationClassAug/}, the
 *     augmented set is built from it: SBD train + val + VOC train, minus VOC val (10582 images)
 * @param masks multi-label task only: which images also carry their segmentation mask (class ids,
 *     255 = void), see {@link VocMasks}: {@code none} (default: labels and boxes, lists from {@code
 *     ImageSets/Main}), {@code val} (the evaluated splits only), {@code all}, {@code seg-train} (in
 *     the training split only the 1,464 images of {@code ImageSets/Segmentation/train.txt}), or
 *     the path of a list file of training ids (relative to the VOC2012 folder, or absolute)
 */
@JsonTypeName("voc")
public record VocConfig(
    String root,
    int imageSize,
    boolean skipCorrupt,
    String task,
    String trainSet,
    List<String> classes,
    boolean includeDifficult,
    String sbd,
    String masks)
    implements DiskDataConfig {

  /** The 20 PASCAL VOC classes in their official (alphabetical) order. */
  public static final List<String> VOC_CLASSES =
      List.of(
          "aeroplane",
          "bicycle",
          "bird",
          "boat",
          "bottle",
          "bus",
          "car",
          "cat",
          "chair",
          "cow",
          "diningtable",
          "dog",
          "horse",
          "motorbike",
          "person",
          "pottedplant",
          "sheep",
          "sofa",
          "train",
          "tvmonitor");

  public VocConfig {
    DiskDataConfig.requireRoot(root, "voc");
    imageSize = DiskDataConfig.imageSizeOr(imageSize, 224);
    task = task == null ? "multilabel" : task.toLowerCase(Locale.ROOT);
    if (!task.equals("multilabel") && !task.equals("segmentation")) {
      throw new IllegalArgumentException(
          "data.task must be multilabel or segmentation for voc, got '" + task + "'");
    }
    trainSet = trainSet == null ? "train" : trainSet;
    classes = classes == null ? VOC_CLASSES : List.copyOf(classes);
    masks = masks == null || masks.isBlank() ? VocMasks.NONE : masks.strip();
    if (!masks.equals(VocMasks.NONE) && !task.equals("multilabel")) {
      throw new IllegalArgumentException(
          "data.masks is for task multilabel (segmentation samples always carry their label map),"
              + " got masks '"
              + masks
              + "' with task "
              + task);
    }
    if (classes.isEmpty() || classes.size() > 254) {
      throw new IllegalArgumentException(
          "data.classes must name 1..254 classes, got " + classes.size());
    }
  }

  /** Reads the block with every key optional but {@code root}. */
  @JsonCreator
  public static VocConfig fromJson(
      @JsonProperty("root") String root,
      @JsonProperty("imageSize") Integer imageSize,
      @JsonProperty("skipCorrupt") Boolean skipCorrupt,
      @JsonProperty("task") String task,
      @JsonProperty("trainSet") String trainSet,
      @JsonProperty("classes") List<String> classes,
      @JsonProperty("includeDifficult") Boolean includeDifficult,
      @JsonProperty("sbd") String sbd,
      @JsonProperty("masks") String masks) {
    return new VocConfig(
        root,
        imageSize == null ? 0 : imageSize,
        skipCorrupt != null && skipCorrupt,
        task,
        trainSet,
        classes,
        includeDifficult != null && includeDifficult,
        sbd,
        masks);
  }

  /** The block without {@code masks} (multi-label samples then carry labels and boxes only). */
  public VocConfig(
      String root,
      int imageSize,
      boolean skipCorrupt,
      String task,
      String trainSet,
      List<String> classes,
      boolean includeDifficult,
      String sbd) {
    this(root, imageSize, skipCorrupt, task, trainSet, classes, includeDifficult, sbd, null);
  }

  /** Whether multi-label samples come with segmentation masks ({@code masks} is not none). */
  public boolean withMasks() {
    return !masks.equals(VocMasks.NONE);
  }

  public static VocConfig of(String root) {
    return new VocConfig(root, 0, false, null, null, null, false, null, null);
  }
}
