package org.fga.datasets.stanford;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fga.core.data.Box;
import org.fga.core.data.Split;
import org.fga.core.data.Task;
import org.fga.datasets.BaseDiskProvider;
import org.fga.datasets.Entry;
import org.fga.datasets.FileDataset;
import org.fga.datasets.MatFiles;
import org.fga.datasets.Roots;
import org.fga.core.error.FgaUserException;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.Struct;

/**
 * Stanford Cars: {@code cars_train/}, {@code cars_test/}, {@code devkit/cars_meta.mat} (class
 * names), {@code devkit/cars_train_annos.mat} and {@code cars_test_annos_withlabels.mat} (in the
 * root or in {@code devkit/}). Each annotation struct has {@code bbox_x1..bbox_y2} (1-based
 * inclusive pixels), {@code class} (1-based) and {@code fname}.
 */
public final class CarsDatasetProvider extends BaseDiskProvider<CarsConfig> {

  /** Stanford Cars' official split. */
  @Override
  public java.util.Map<org.fga.core.data.Split, Integer> officialSizes(org.fga.core.data.provider.DataConfig config) {
    return java.util.Map.of(org.fga.core.data.Split.TRAIN, 8144, org.fga.core.data.Split.TEST, 8041);
  }
  public CarsDatasetProvider() {
    super(
        "cars",
        "Stanford Cars: 196 car models, boxes (MATLAB annotations)",
        CarsConfig.class,
        CarsConfig::of);
  }

  @Override
  protected Map<Split, Integer> officialCounts(CarsConfig config) {
    return Map.of(Split.TRAIN, 8144, Split.TEST, 8041);
  }

  @Override
  protected FileDataset read(CarsConfig cfg, Split split) {
    Path root = Roots.find(cfg.root(), name(), "devkit", "stanford_cars", "stanford-cars");
    MatFiles meta = MatFiles.open(root.resolve("devkit/cars_meta.mat"));
    Cell names = meta.variable("class_names", Cell.class);
    List<String> classes = new ArrayList<>();
    for (int i = 0; i < names.getNumElements(); i++) {
      classes.add(meta.string(names, i, "class name"));
    }
    boolean train = split == Split.TRAIN;
    Path annos = train ? root.resolve("devkit/cars_train_annos.mat") : testAnnotations(root);
    Path images = root.resolve(train ? "cars_train" : "cars_test");
    MatFiles mat = MatFiles.open(annos);
    Struct a = mat.variable("annotations", Struct.class);
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < a.getNumElements(); i++) {
      int label = (int) mat.number(a, "class", i);
      if (label < 1 || label > classes.size()) {
        throw new FgaUserException(
            annos
                + ": annotation "
                + (i + 1)
                + " has class "
                + label
                + ", outside 1.."
                + classes.size());
      }
      int x0 = (int) mat.number(a, "bbox_x1", i) - 1;
      int y0 = (int) mat.number(a, "bbox_y1", i) - 1;
      int x1 = (int) mat.number(a, "bbox_x2", i) - 1;
      int y1 = (int) mat.number(a, "bbox_y2", i) - 1;
      if (x1 < x0 || y1 < y0) {
        throw new FgaUserException(annos + ": annotation " + (i + 1) + " has an empty box");
      }
      String fname = mat.text(a, "fname", i);
      entries.add(
          Entry.classification(
              images.resolve(fname),
              images.getFileName() + "/" + fname,
              label - 1,
              List.of(new Box(x0, y0, x1, y1))));
    }
    return dataset(cfg, Task.CLASSIFICATION, classes, entries);
  }

  /** The test labels were released after the devkit; people put the file in either place. */
  private static Path testAnnotations(Path root) {
    for (Path p :
        new Path[] {
          root.resolve("cars_test_annos_withlabels.mat"),
          root.resolve("devkit/cars_test_annos_withlabels.mat")
        }) {
      if (Files.exists(p)) {
        return p;
      }
    }
    throw new FgaUserException(
        "cars: test labels not found: put cars_test_annos_withlabels.mat in "
            + root
            + " or "
            + root.resolve("devkit")
            + " (devkit/cars_test_annos.mat has no labels)");
  }
}
