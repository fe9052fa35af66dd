package org.fga.datasets.aircraft;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * FGVC-Aircraft 2013b: {@code data/images/<id>.jpg}, class lists {@code variants.txt}, {@code
 * families.txt}, {@code manufacturers.txt}, split lists {@code images_<level>_<split>.txt} ("id
 * class name", names may hold spaces), and {@code images_box.txt} ("id xmin ymin xmax ymax",
 * 1-based inclusive pixels). Every image has a {@value #BANNER_ROWS}-pixel copyright banner at the
 * bottom, which the reader cuts off unless {@code cropBanner: false}; the boxes are given in the
 * full image and lie above it, so cutting it only clips the rare box that reaches into it.
 */
public final class AircraftDatasetProvider extends BaseDiskProvider<AircraftConfig> {
  /** Height of the photographer's credit line under every image. */
  public static final int BANNER_ROWS = 20;

  public AircraftDatasetProvider() {
    super(
        "aircraft",
        "FGVC-Aircraft 2013b: 100 variants / 70 families / 30 manufacturers, boxes, banner cut",
        AircraftConfig.class,
        AircraftConfig::of);
  }

  private static final Map<String, String> CLASS_FILES =
      Map.of(
          "variant", "variants.txt", "family", "families.txt", "manufacturer", "manufacturers.txt");

  @Override
  protected List<Split> splitsOf(AircraftConfig config) {
    return List.of(Split.TRAIN, Split.VAL, Split.TEST);
  }

  @Override
  protected Map<Split, Integer> officialCounts(AircraftConfig config) {
    return Map.of(
        Split.TRAIN,
        config.trainSet().equals("trainval") ? 6667 : 3334,
        Split.VAL,
        3333,
        Split.TEST,
        3333);
  }

  @Override
  protected FileDataset read(AircraftConfig cfg, Split split) {
    Path data =
        Roots.find(cfg.root(), name(), "images_box.txt", "data", "fgvc-aircraft-2013b/data");
    Path classFile = data.resolve(CLASS_FILES.get(cfg.level()));
    List<String> classes = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (String[] row : TextFiles.rows(classFile)) {
      String n = String.join(" ", row);
      index.put(n, classes.size());
      classes.add(n);
    }
    Map<String, Box> boxes = new HashMap<>();
    Path boxFile = data.resolve("images_box.txt");
    List<String[]> boxRows = TextFiles.rows(boxFile);
    for (int r = 0; r < boxRows.size(); r++) {
      int x0 = TextFiles.intField(boxFile, boxRows, r, 1);
      int y0 = TextFiles.intField(boxFile, boxRows, r, 2);
      int x1 = TextFiles.intField(boxFile, boxRows, r, 3);
      int y1 = TextFiles.intField(boxFile, boxRows, r, 4);
      if (x1 < x0 || y1 < y0) {
        throw new FgaUserException(boxFile + " row " + (r + 1) + ": empty box");
      }
      boxes.put(boxRows.get(r)[0], new Box(x0 - 1, y0 - 1, x1 - 1, y1 - 1));
    }
    String set =
        switch (split) {
          case TRAIN -> cfg.trainSet();
          case VAL -> "val";
          default -> "test";
        };
    Path listFile = data.resolve("images_" + cfg.level() + "_" + set + ".txt");
    List<String[]> rows = TextFiles.rows(listFile);
    List<Entry> entries = new ArrayList<>(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      String id = row[0];
      String cls = String.join(" ", java.util.Arrays.copyOfRange(row, 1, row.length));
      Integer label = index.get(cls);
      if (label == null) {
        throw new FgaUserException(
            listFile + " row " + (r + 1) + ": class '" + cls + "' is not in " + classFile);
      }
      Box box = boxes.get(id);
      entries.add(
          Entry.classification(
                  data.resolve("images").resolve(id + ".jpg"),
                  "images/" + id + ".jpg",
                  label,
                  box == null ? null : List.of(box))
              .withCropBottom(cfg.cropBanner() ? BANNER_ROWS : 0));
    }
    return dataset(cfg, Task.CLASSIFICATION, classes, entries);
  }
}
