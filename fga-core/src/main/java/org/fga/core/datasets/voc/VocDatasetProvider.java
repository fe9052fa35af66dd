package org.fga.core.datasets.voc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.fga.core.data.Box;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.Split;
import org.fga.core.data.Task;
import org.fga.core.datasets.BaseDiskProvider;
import org.fga.core.datasets.Entry;
import org.fga.core.datasets.FileDataset;
import org.fga.core.datasets.Roots;
import org.fga.core.datasets.TextFiles;
import org.fga.core.error.FgaUserException;

/**
 * PASCAL VOC 2012. Training reads the {@code trainSet} list, validation and test both read {@code
 * val} (the test annotations are withheld, so papers report on val). Multi-label samples carry
 * the classes of their non-difficult objects and every object box; segmentation samples carry
 * the class map (0 background, 1..C classes, 255 ignore) as {@code objectMask}.
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

  @Override
  protected Map<Split, Integer> officialCounts(VocConfig config) {
    if (config.task().equals("segmentation")) {
      return Map.of(Split.TRAIN, config.trainSet().equals("train_aug") ? 10582 : 1464, Split.VAL, 1449, Split.TEST, 1449);
    }
    return Map.of(Split.TRAIN, 5717, Split.VAL, 5823, Split.TEST, 5823);
  }

  @Override
  protected FileDataset read(VocConfig cfg, Split split) {
    Path root = Roots.find(cfg.root(), name(), "ImageSets", "VOC2012", "VOCdevkit/VOC2012");
    boolean seg = cfg.task().equals("segmentation");
    String list = split == Split.TRAIN ? cfg.trainSet() : "val";
    Path listFile = root.resolve("ImageSets").resolve(seg ? "Segmentation" : "Main").resolve(list + ".txt");
    List<String[]> rows = TextFiles.rows(listFile);
    Map<String, Integer> index = new HashMap<>();
    for (String c : cfg.classes()) {
      index.put(c, index.size());
    }
    String maskDir = seg && list.equals("train_aug") ? "SegmentationClassAug" : "SegmentationClass";
    List<Entry> entries = new ArrayList<>(rows.size());
    for (String[] row : rows) {
      String id = row[0];
      Path image = root.resolve("JPEGImages").resolve(id + ".jpg");
      if (seg) {
        Path mask = root.resolve(maskDir).resolve(id + ".png");
        entries.add(new Entry(image, "JPEGImages/" + id + ".jpg", -1, null, null, mask, Entry.MaskKind.INDICES, -1, -1));
        continue;
      }
      Path xml = root.resolve("Annotations").resolve(id + ".xml");
      TreeSet<Integer> present = new TreeSet<>();
      List<Box> boxes = new ArrayList<>();
      for (VocXml.VocObject o : VocXml.read(xml)) {
        Integer c = index.get(o.name());
        if (c == null) {
          throw new FgaUserException(xml + ": object class '" + o.name() + "' is not one of " + cfg.classes());
        }
        if (!o.difficult() || cfg.includeDifficult()) {
          present.add(c);
        }
        boxes.add(o.box());
      }
      int[] labels = present.stream().mapToInt(Integer::intValue).toArray();
      entries.add(new Entry(image, "JPEGImages/" + id + ".jpg", -1, labels, List.copyOf(boxes), null, null, -1, -1));
    }
    Task task = seg ? Task.SEGMENTATION : Task.MULTILABEL;
    if (!Files.isDirectory(root.resolve("JPEGImages"))) {
      throw new FgaUserException("voc root " + root + " has no JPEGImages/ folder");
    }
    return new FileDataset(new DatasetInfo(name(), task, cfg.classes().size(), cfg.classes()), entries, cfg.skipCorrupt());
  }
}
