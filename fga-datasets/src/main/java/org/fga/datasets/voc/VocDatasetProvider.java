package org.fga.datasets.voc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fga.core.data.Box;
import org.fga.core.data.Split;
import org.fga.core.data.Task;
import org.fga.datasets.BaseDiskProvider;
import org.fga.datasets.Entry;
import org.fga.datasets.FileDataset;
import org.fga.datasets.Roots;
import org.fga.datasets.TextFiles;
import org.fga.core.error.FgaUserException;

/**
 * PASCAL VOC 2012. Training reads the {@code trainSet} list, validation and test both read {@code
 * val} (the test annotations are withheld, so papers report on val). Multi-label samples carry the
 * classes of their non-difficult objects and every object box; segmentation samples carry the class
 * map (0 background, 1..C classes, 255 ignore) as {@code objectMask}. With {@code data.masks}
 * (multi-label only) multi-label samples carry both: the image labels from the XML and the class map
 * (from VOC's PNG, else SBD's mat, see {@link VocMasks}), on the segmentation lists ({@link
 * VocLists}: train 1,464 or train_aug 10,582; val 1,449).
 */
public final class VocDatasetProvider extends BaseDiskProvider<VocConfig> {
  public VocDatasetProvider() {
    super(
        "voc",
        "PASCAL VOC 2012 multi-label classification or segmentation (SBD train_aug supported)",
        VocConfig.class,
        VocConfig::of);
  }

  @Override
  protected List<Split> splitsOf(VocConfig config) {
    return List.of(Split.TRAIN, Split.VAL, Split.TEST);
  }

  /** The official list sizes, for {@code --dry-run} to set beside what is on disk. */
  @Override
  public Map<Split, Integer> officialSizes(org.fga.core.data.provider.DataConfig config) {
    return officialCounts((VocConfig) config);
  }

  @Override
  protected Map<Split, Integer> officialCounts(VocConfig config) {
    if (config.task().equals("segmentation")) {
      return Map.of(
          Split.TRAIN,
          config.trainSet().equals("train_aug") ? 10582 : 1464,
          Split.VAL,
          1449,
          Split.TEST,
          1449);
    }
    if (config.withMasks()) {
      return Map.of(
          Split.TRAIN,
          config.trainSet().equals("train_aug") ? 10582 : 1464,
          Split.VAL,
          1449,
          Split.TEST,
          1449);
    }
    return Map.of(Split.TRAIN, 5717, Split.VAL, 5823, Split.TEST, 5823);
  }

  @Override
  protected FileDataset read(VocConfig cfg, Split split) {
    Path root = Roots.find(cfg.root(), name(), "ImageSets", "VOC2012", "VOCdevkit/VOC2012");
    if (!Files.isDirectory(root.resolve("JPEGImages"))) {
      throw new FgaUserException("voc root " + root + " has no JPEGImages/ folder");
    }
    String list = split == Split.TRAIN ? cfg.trainSet() : "val";
    if (cfg.task().equals("segmentation")) {
      return dataset(cfg, Task.SEGMENTATION, cfg.classes(), segmentation(cfg, root, list));
    }
    if (cfg.withMasks()) {
      return dataset(cfg, Task.MULTILABEL, cfg.classes(), multilabelWithMasks(cfg, root, split));
    }
    List<String> ids = ids(root.resolve("ImageSets/Main").resolve(list + ".txt"));
    return dataset(cfg, Task.MULTILABEL, cfg.classes(), multilabel(cfg, root, ids));
  }

  /**
   * Image labels and segmentation masks ({@code data.masks}): the lists are the segmentation ones
   * (train 1,464 or train_aug 10,582; val and test the 1,449 of {@code Segmentation/val.txt}). A
   * training image outside the pixel-labelled set keeps its labels only, without boxes either, so
   * that a method which falls back to box masks (GAINext) is supervised by exactly that set.
   */
  private static List<Entry> multilabelWithMasks(VocConfig cfg, Path root, Split split) {
    Path sbd = VocLists.sbd(cfg);
    String list = split == Split.TRAIN ? cfg.trainSet() : "val";
    List<String> ids = VocLists.segmentation(root, sbd, list);
    List<Entry> entries = multilabel(cfg, root, ids);
    VocMasks masks = new VocMasks(root, sbd);
    java.util.Set<String> labelled =
        split == Split.TRAIN ? masks.pixelLabelled(cfg.masks(), ids) : null;
    List<Entry> out = new ArrayList<>(entries.size());
    for (int i = 0; i < ids.size(); i++) {
      Entry e = entries.get(i);
      if (labelled == null || labelled.contains(ids.get(i))) {
        out.add(masks.withMask(e, ids.get(i)));
      } else {
        out.add(
            new Entry(e.image(), e.id(), -1, e.labels(), null, null, null, null, -1, -1, 0));
      }
    }
    return out;
  }

  private static List<Entry> multilabel(VocConfig cfg, Path root, List<String> ids) {
    Map<String, Integer> index = new HashMap<>();
    for (String c : cfg.classes()) {
      index.put(c, index.size());
    }
    List<Entry> entries = new ArrayList<>();
    for (String id : ids) {
      Path xml = root.resolve("Annotations").resolve(id + ".xml");
      TreeSet<Integer> present = new TreeSet<>();
      List<Box> boxes = new ArrayList<>();
      for (VocXml.VocObject o : VocXml.read(xml)) {
        Integer c = index.get(o.name());
        if (c == null) {
          throw new FgaUserException(
              xml + ": object class '" + o.name() + "' is not one of " + cfg.classes());
        }
        if (!o.difficult() || cfg.includeDifficult()) {
          present.add(c);
        }
        boxes.add(o.box());
      }
      int[] labels = present.stream().mapToInt(Integer::intValue).toArray();
      entries.add(
          new Entry(
              image(root, id),
              "JPEGImages/" + id + ".jpg",
              -1,
              labels,
              List.copyOf(boxes),
              null,
              null,
              null,
              -1,
              -1,
              0));
    }
    return entries;
  }

  /**
   * Segmentation lists. {@code train_aug} comes from the converted release ({@code
   * SegmentationClassAug/} with {@code train_aug.txt}) when present, else from SBD's MATLAB files.
   */
  private static List<Entry> segmentation(VocConfig cfg, Path root, String list) {
    Path sets = root.resolve("ImageSets/Segmentation");
    boolean converted =
        Files.isDirectory(root.resolve("SegmentationClassAug"))
            && Files.exists(sets.resolve("train_aug.txt"));
    if (list.equals("train_aug") && !converted) {
      return sbdTrainAug(cfg, root);
    }
    String maskDir = list.equals("train_aug") ? "SegmentationClassAug" : "SegmentationClass";
    List<Entry> entries = new ArrayList<>();
    for (String id : ids(sets.resolve(list + ".txt"))) {
      entries.add(
          segEntry(root, id, root.resolve(maskDir).resolve(id + ".png"), Entry.MaskKind.INDICES));
    }
    return entries;
  }

  /** SBD train + val + VOC train, minus VOC val: masks from SBD's cls/*.mat where SBD has them. */
  private static List<Entry> sbdTrainAug(VocConfig cfg, Path root) {
    if (cfg.sbd() == null) {
      throw new FgaUserException(
          "voc trainSet train_aug needs "
              + root.resolve("SegmentationClassAug")
              + " with ImageSets/Segmentation/train_aug.txt,"
              + " or data.sbd pointing at SBD's dataset folder (with cls/, train.txt, val.txt)");
    }
    Path sbd = Roots.find(cfg.sbd(), "sbd", "cls", "dataset", "benchmark_RELEASE/dataset");
    Set<String> fromSbd = new TreeSet<>(ids(sbd.resolve("train.txt")));
    fromSbd.addAll(ids(sbd.resolve("val.txt")));
    Set<String> all = new TreeSet<>(fromSbd);
    all.addAll(ids(root.resolve("ImageSets/Segmentation/train.txt")));
    all.removeAll(ids(root.resolve("ImageSets/Segmentation/val.txt")));
    List<Entry> entries = new ArrayList<>();
    for (String id : all) {
      entries.add(
          fromSbd.contains(id)
              ? segEntry(root, id, sbd.resolve("cls").resolve(id + ".mat"), Entry.MaskKind.SBD_MAT)
              : segEntry(
                  root,
                  id,
                  root.resolve("SegmentationClass").resolve(id + ".png"),
                  Entry.MaskKind.INDICES));
    }
    return entries;
  }

  private static Entry segEntry(Path root, String id, Path mask, Entry.MaskKind kind) {
    return new Entry(
        image(root, id),
        "JPEGImages/" + id + ".jpg",
        -1,
        null,
        null,
        null,
        mask,
        kind,
        -1,
        -1,
        0);
  }

  private static Path image(Path root, String id) {
    return root.resolve("JPEGImages").resolve(id + ".jpg");
  }

  private static List<String> ids(Path listFile) {
    return TextFiles.rows(listFile).stream().map(r -> r[0]).toList();
  }
}
