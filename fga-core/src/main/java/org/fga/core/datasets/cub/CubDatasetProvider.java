package org.fga.core.datasets.cub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fga.core.data.Box;
import org.fga.core.data.DataConfig;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.Split;
import org.fga.core.data.Task;
import org.fga.core.datasets.DiskDatasetProvider;
import org.fga.core.datasets.Entry;
import org.fga.core.datasets.FileDataset;
import org.fga.core.datasets.Roots;
import org.fga.core.datasets.TextFiles;
import org.fga.core.error.FgaUserException;

/**
 * CUB-200-2011: 200 bird species, 5994 training and 5794 test images, one box per image,
 * optional object masks. Boxes in {@code bounding_boxes.txt} are (x, y, width, height) with
 * 0-based pixel origin; the inclusive box is x .. x + width - 1.
 */
public final class CubDatasetProvider implements DiskDatasetProvider {
  @Override
  public String name() {
    return "cub";
  }

  @Override
  public String description() {
    return "CUB-200-2011 birds: 200 classes, boxes, optional masks (root: CUB_200_2011)";
  }

  @Override
  public Class<? extends DataConfig> configType() {
    return CubConfig.class;
  }

  @Override
  public List<Split> splits(DataConfig config) {
    return List.of(Split.TRAIN, Split.TEST);
  }

  @Override
  public Map<Split, Integer> officialCounts(DataConfig config) {
    return Map.of(Split.TRAIN, 5994, Split.TEST, 5794);
  }

  @Override
  public DataConfig configFor(String root) {
    return CubConfig.of(root);
  }

  @Override
  public FileDataset open(DataConfig config, Split split) {
    CubConfig cfg = DiskDatasetProvider.cast(config, CubConfig.class, name());
    if (split != Split.TRAIN && split != Split.TEST) {
      throw new FgaUserException("cub has no split " + split + "; it has [TRAIN, TEST]");
    }
    Path root = Roots.find(cfg.root(), name(), "images.txt", "CUB_200_2011");
    Path classesFile = root.resolve("classes.txt");
    List<String[]> classRows = TextFiles.rows(classesFile);
    List<String> classNames = new ArrayList<>();
    for (int r = 0; r < classRows.size(); r++) {
      int id = TextFiles.intField(classesFile, classRows, r, 0);
      if (id != r + 1) {
        throw new FgaUserException(classesFile + " row " + (r + 1) + ": expected class id " + (r + 1) + ", got " + id);
      }
      String dir = classRows.get(r)[1];
      classNames.add(dir.contains(".") ? dir.substring(dir.indexOf('.') + 1) : dir);
    }
    int numClasses = classNames.size();

    Path imagesFile = root.resolve("images.txt");
    Path labelsFile = root.resolve("image_class_labels.txt");
    Path splitFile = root.resolve("train_test_split.txt");
    Path boxesFile = root.resolve("bounding_boxes.txt");
    Map<Integer, String> paths = new HashMap<>();
    List<Integer> order = new ArrayList<>();
    List<String[]> imageRows = TextFiles.rows(imagesFile);
    for (int r = 0; r < imageRows.size(); r++) {
      int id = TextFiles.intField(imagesFile, imageRows, r, 0);
      if (imageRows.get(r).length < 2) {
        throw new FgaUserException(imagesFile + " row " + (r + 1) + ": expected '<id> <path>'");
      }
      paths.put(id, imageRows.get(r)[1]);
      order.add(id);
    }
    Map<Integer, Integer> labels = intColumn(labelsFile, paths, 1);
    Map<Integer, Integer> isTrain = intColumn(splitFile, paths, 1);
    Map<Integer, Box> boxes = boxes(boxesFile, paths);
    Path segRoot = segmentations(cfg, root);

    List<Entry> entries = new ArrayList<>();
    boolean wantTrain = split == Split.TRAIN;
    for (int id : order) {
      if ((isTrain.get(id) == 1) != wantTrain) {
        continue;
      }
      int label = labels.get(id);
      if (label < 1 || label > numClasses) {
        throw new FgaUserException(labelsFile + ": image " + id + " has class " + label + ", outside 1.." + numClasses);
      }
      String rel = paths.get(id);
      Box box = boxes.get(id);
      Entry e = Entry.classification(root.resolve("images").resolve(rel), "images/" + rel, label - 1, box == null ? null : List.of(box));
      if (segRoot != null) {
        e = e.withMask(segRoot.resolve(rel.replaceFirst("\\.[^.]+$", ".png")), Entry.MaskKind.BINARY);
      }
      entries.add(e);
    }
    return new FileDataset(new DatasetInfo(name(), Task.CLASSIFICATION, numClasses, List.copyOf(classNames)), entries, cfg.skipCorrupt());
  }

  private static Path segmentations(CubConfig cfg, Path root) {
    if (cfg.segmentations() != null) {
      Path p = Path.of(cfg.segmentations());
      if (!Files.isDirectory(p)) {
        throw new FgaUserException("data.segmentations " + p + " is not a folder");
      }
      return p;
    }
    for (Path p : new Path[] {root.resolve("segmentations"), root.resolveSibling("segmentations")}) {
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    return null;
  }

  /** Column {@code col} of an '<image id> <value>' file, every image present exactly once. */
  private static Map<Integer, Integer> intColumn(Path file, Map<Integer, String> images, int col) {
    List<String[]> rows = TextFiles.rows(file);
    Map<Integer, Integer> out = new HashMap<>();
    for (int r = 0; r < rows.size(); r++) {
      int id = TextFiles.intField(file, rows, r, 0);
      if (!images.containsKey(id)) {
        throw new FgaUserException(file + " row " + (r + 1) + ": image id " + id + " is not in images.txt");
      }
      out.put(id, TextFiles.intField(file, rows, r, col));
    }
    for (int id : images.keySet()) {
      if (!out.containsKey(id)) {
        throw new FgaUserException(file + " has no line for image " + id + " (" + images.get(id) + ")");
      }
    }
    return out;
  }

  private static Map<Integer, Box> boxes(Path file, Map<Integer, String> images) {
    Map<Integer, Box> out = new HashMap<>();
    if (!Files.exists(file)) {
      return out; // boxes are optional for classification; WSOL metrics will say they are missing
    }
    List<String[]> rows = TextFiles.rows(file);
    for (int r = 0; r < rows.size(); r++) {
      int id = TextFiles.intField(file, rows, r, 0);
      double x = TextFiles.doubleField(file, rows, r, 1);
      double y = TextFiles.doubleField(file, rows, r, 2);
      double w = TextFiles.doubleField(file, rows, r, 3);
      double h = TextFiles.doubleField(file, rows, r, 4);
      if (!images.containsKey(id)) {
        throw new FgaUserException(file + " row " + (r + 1) + ": image id " + id + " is not in images.txt");
      }
      if (w <= 0 || h <= 0) {
        throw new FgaUserException(file + " row " + (r + 1) + ": box of image " + id + " has no area");
      }
      int x0 = (int) Math.floor(x);
      int y0 = (int) Math.floor(y);
      out.put(id, new Box(x0, y0, Math.max(x0, (int) Math.ceil(x + w) - 1), Math.max(y0, (int) Math.ceil(y + h) - 1)));
    }
    return out;
  }
}
