package org.fga.datasets.cub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.fga.core.data.Box;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.Keypoint;
import org.fga.core.data.Split;
import org.fga.core.data.Task;
import org.fga.datasets.BaseDiskProvider;
import org.fga.datasets.Entry;
import org.fga.datasets.FileDataset;
import org.fga.datasets.IdLists;
import org.fga.datasets.Roots;
import org.fga.datasets.TextFiles;
import org.fga.datasets.wsol.MetadataSplit;
import org.fga.datasets.wsol.WsolMetadata;
import org.fga.core.error.FgaUserException;

/**
 * CUB-200-2011: 200 bird species, 5994 training and 5794 test images, one box per image, 15 part
 * locations per image ({@link CubParts}, when {@code parts/} is there), optional object masks.
 * Boxes in {@code bounding_boxes.txt} are (x, y, width, height) with 0-based pixel origin; the
 * inclusive box is x .. x + width - 1. Any split can come from wsolevaluation metadata instead
 * ({@code splits}), e.g. its train-fullsup images (CUBV2) as {@code val}.
 */
public final class CubDatasetProvider extends BaseDiskProvider<CubConfig> {

  /** CUB-200-2011's official split (images.txt / train_test_split.txt). */
  @Override
  public java.util.Map<org.fga.core.data.Split, Integer> officialSizes(org.fga.core.data.provider.DataConfig config) {
    CubConfig c = (CubConfig) config;
    return c.heldOutPerClass() > 0 || !c.splits().isEmpty()
        ? java.util.Map.of()
        : java.util.Map.of(org.fga.core.data.Split.TRAIN, 5994, org.fga.core.data.Split.TEST, 5794);
  }
  public CubDatasetProvider() {
    super(
        "cub",
        "CUB-200-2011 birds: 200 classes, boxes, part locations, optional masks (root:"
            + " CUB_200_2011)",
        CubConfig.class,
        CubConfig::of);
  }

  @Override
  protected Map<Split, Integer> officialCounts(CubConfig config) {
    int held = 200 * config.heldOutPerClass();
    Map<Split, Integer> counts = new EnumMap<>(Split.class);
    counts.put(Split.TRAIN, 5994 - held);
    counts.put(Split.TEST, 5794);
    if (held > 0) {
      counts.put(Split.VAL, held);
    }
    // a split from metadata has whatever count its image_ids.txt lists
    counts.keySet().removeIf(s -> MetadataSplit.of(config.splits(), s) != null);
    return counts;
  }

  @Override
  protected List<Split> splitsOf(CubConfig config) {
    return config.heldOutPerClass() > 0 || MetadataSplit.of(config.splits(), Split.VAL) != null
        ? List.of(Split.TRAIN, Split.VAL, Split.TEST)
        : List.of(Split.TRAIN, Split.TEST);
  }

  @Override
  protected FileDataset read(CubConfig cfg, Split split) {
    Path root = Roots.find(cfg.root(), name(), "images.txt", "CUB_200_2011");
    Path classesFile = root.resolve("classes.txt");
    List<String[]> classRows = TextFiles.rows(classesFile);
    List<String> classNames = new ArrayList<>();
    List<String> classDirs = new ArrayList<>();
    for (int r = 0; r < classRows.size(); r++) {
      int id = TextFiles.intField(classesFile, classRows, r, 0);
      if (id != r + 1) {
        throw new FgaUserException(
            classesFile + " row " + (r + 1) + ": expected class id " + (r + 1) + ", got " + id);
      }
      String dir = classRows.get(r)[1];
      classDirs.add(dir);
      classNames.add(dir.contains(".") ? dir.substring(dir.indexOf('.') + 1) : dir);
    }
    int numClasses = classNames.size();
    MetadataSplit metadata = MetadataSplit.of(cfg.splits(), split);
    if (metadata != null) {
      return dataset(
          cfg,
          Task.CLASSIFICATION,
          classNames,
          WsolMetadata.read(metadata, root.resolve("images"), classDirs));
    }

    Path labelsFile = root.resolve("image_class_labels.txt");
    IdLists images = IdLists.images(root.resolve("images.txt"));
    Map<String, Integer> labels = images.intColumn(labelsFile, 1);
    Map<String, Integer> isTrain = images.intColumn(root.resolve("train_test_split.txt"), 1);
    Map<String, Box> boxes = images.boxes(root.resolve("bounding_boxes.txt"));
    Map<String, List<Keypoint>> parts = CubParts.read(root, images);
    Path segRoot = segmentations(cfg, root);

    List<Entry> entries = new ArrayList<>();
    boolean wantTrain = split != Split.TEST;
    int[] seenPerClass = new int[numClasses + 1];
    for (String id : images.ids()) {
      if ((isTrain.get(id) == 1) != wantTrain) {
        continue;
      }
      int label = labels.get(id);
      if (label < 1 || label > numClasses) {
        throw new FgaUserException(
            labelsFile + ": image " + id + " has class " + label + ", outside 1.." + numClasses);
      }
      if (wantTrain) {
        // the first heldOutPerClass training images of each class are the val split
        boolean heldOut = seenPerClass[label]++ < cfg.heldOutPerClass();
        if (heldOut != (split == Split.VAL)) {
          continue;
        }
      }
      String rel = images.path(id);
      Box box = boxes.get(id);
      Entry e =
          Entry.classification(
              root.resolve("images").resolve(rel),
              "images/" + rel,
              label - 1,
              box == null ? null : List.of(box));
      if (parts != null) {
        e = e.withKeypoints(parts.get(id));
      }
      if (segRoot != null) {
        e =
            e.withMask(
                segRoot.resolve(rel.replaceFirst("\\.[^.]+$", ".png")), Entry.MaskKind.BINARY);
      }
      entries.add(e);
    }
    if (cfg.imageFolderOrder()) {
      // ImageFolder's order: class folders sorted, then file names sorted within each (compared
      // apart, so a folder that is a prefix of another's name sorts as Python's sorted() does)
      entries.sort(java.util.Comparator.<Entry, String>comparing(e -> e.id().substring(0, e.id().lastIndexOf('/')))
          .thenComparing(e -> e.id().substring(e.id().lastIndexOf('/') + 1)));
    }
    return new FileDataset(
        new DatasetInfo(name(), Task.CLASSIFICATION, numClasses, List.copyOf(classNames)),
        entries,
        cfg.skipCorrupt());
  }

  private static Path segmentations(CubConfig cfg, Path root) {
    if (cfg.segmentations() != null) {
      Path p = Path.of(cfg.segmentations());
      if (!Files.isDirectory(p)) {
        throw new FgaUserException("data.segmentations " + p + " is not a folder");
      }
      return p;
    }
    for (Path p :
        new Path[] {root.resolve("segmentations"), root.resolveSibling("segmentations")}) {
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    return null;
  }
}
