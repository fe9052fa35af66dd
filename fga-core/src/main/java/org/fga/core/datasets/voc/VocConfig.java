package org.fga.core.datasets.voc;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.Locale;
import org.fga.core.datasets.DiskDataConfig;

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
    String sbd)
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
      @JsonProperty("sbd") String sbd) {
    return new VocConfig(
        root,
        imageSize == null ? 0 : imageSize,
        skipCorrupt != null && skipCorrupt,
        task,
        trainSet,
        classes,
        includeDifficult != null && includeDifficult,
        sbd);
  }

  public static VocConfig of(String root) {
    return new VocConfig(root, 0, false, null, null, null, false, null);
  }
}
