package org.fga.datasets.nabirds;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.fga.core.data.Box;
import org.fga.core.data.Split;
import org.fga.core.data.Task;
import org.fga.datasets.BaseDiskProvider;
import org.fga.datasets.Entry;
import org.fga.datasets.FileDataset;
import org.fga.datasets.IdLists;
import org.fga.datasets.Roots;
import org.fga.datasets.TextFiles;
import org.fga.core.error.FgaUserException;

/**
 * NABirds: CUB-style lists keyed by UUIDs. Its {@code classes.txt} holds the whole taxonomy (1011
 * nodes), but images are labelled only with the 555 leaf categories; those ids, sorted, become the
 * labels 0..554, as in the papers.
 */
public final class NabirdsDatasetProvider extends BaseDiskProvider<NabirdsConfig> {
  public NabirdsDatasetProvider() {
    super(
        "nabirds",
        "NABirds: 555 North American bird categories, boxes",
        NabirdsConfig.class,
        NabirdsConfig::of);
  }

  @Override
  protected Map<Split, Integer> officialCounts(NabirdsConfig config) {
    return Map.of(Split.TRAIN, 23929, Split.TEST, 24633);
  }

  @Override
  protected FileDataset read(NabirdsConfig cfg, Split split) {
    Path root = Roots.find(cfg.root(), name(), "images.txt", "nabirds");
    Path classesFile = root.resolve("classes.txt");
    Map<Integer, String> names = new HashMap<>();
    List<String[]> rows = TextFiles.rows(classesFile);
    for (int r = 0; r < rows.size(); r++) {
      int id = TextFiles.intField(classesFile, rows, r, 0);
      names.put(
          id, String.join(" ", java.util.Arrays.copyOfRange(rows.get(r), 1, rows.get(r).length)));
    }
    Path labelsFile = root.resolve("image_class_labels.txt");
    IdLists images = IdLists.images(root.resolve("images.txt"));
    Map<String, Integer> labels = images.intColumn(labelsFile, 1);
    Map<String, Integer> isTrain = images.intColumn(root.resolve("train_test_split.txt"), 1);
    Map<String, Box> boxes = images.boxes(root.resolve("bounding_boxes.txt"));
    TreeSet<Integer> used = new TreeSet<>(labels.values());
    Map<Integer, Integer> index = new HashMap<>();
    List<String> classNames = new ArrayList<>();
    for (int c : used) {
      if (!names.containsKey(c)) {
        throw new FgaUserException(labelsFile + ": class " + c + " is not in " + classesFile);
      }
      index.put(c, index.size());
      classNames.add(names.get(c));
    }
    List<Entry> entries = new ArrayList<>();
    for (String id : images.ids()) {
      if ((isTrain.get(id) == 1) != (split == Split.TRAIN)) {
        continue;
      }
      String rel = images.path(id);
      Box box = boxes.get(id);
      entries.add(
          Entry.classification(
              root.resolve("images").resolve(rel),
              "images/" + rel,
              index.get(labels.get(id)),
              box == null ? null : List.of(box)));
    }
    return dataset(cfg, Task.CLASSIFICATION, classNames, entries);
  }
}
