package org.fga.bench.layout;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fga.core.data.Box;
import org.fga.core.data.Keypoint;
import org.fga.core.data.Split;
import org.fga.datasets.io.Images;
import org.fga.datasets.synthetic.SyntheticConfig;
import org.fga.datasets.synthetic.SyntheticDataset;
import org.fga.datasets.synthetic.SyntheticGenerator;

/**
 * CUB-200-2011 as it unpacks: {@code images/NNN.Class_Name/Class_Name_NNNN.jpg}, the id lists
 * {@code images.txt}, {@code classes.txt}, {@code image_class_labels.txt}, {@code
 * train_test_split.txt}, {@code bounding_boxes.txt} (x y width height, 0-based floats), {@code
 * parts/parts.txt} and {@code parts/part_locs.txt} (x y visible per image and part, hidden parts
 * at 0 0 as CUB writes them), plus the separately released {@code
 * segmentations/NNN.Class_Name/Class_Name_NNNN.png} object masks (0 or 255). Training images come
 * first, then test images; ids are 1-based.
 *
 * <p>The parts are the ones the generator knows ({@link SyntheticGenerator#PART_NAMES}): beak, the
 * two eyes (one of them hidden behind the head), tail and the class-defining wing patch. CUB has
 * 15 parts; these are 5, four of them named as CUB names them.
 */
public final class CubLayout extends NamedLayout {
  public CubLayout() {
    super("cub", "classification");
  }

  /** The folder name of class {@code c} (0-based), e.g. {@code 001.red_disc}. */
  public static String classDir(int c) {
    return String.format("%03d.%s", c + 1, SyntheticGenerator.className(c));
  }

  /** The config the layout renders: {@code config} as a classification task. */
  public static SyntheticConfig configOf(SyntheticConfig config) {
    return config.toBuilder().optTask("classification").build();
  }

  @Override
  public LayoutSummary write(SyntheticConfig config, Path root) throws IOException {
    SyntheticConfig cfg = configOf(config);
    List<String> images = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<String> split = new ArrayList<>();
    List<String> boxes = new ArrayList<>();
    List<String> partLocs = new ArrayList<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    int id = 0;
    for (Split s : List.of(Split.TRAIN, Split.TEST)) {
      SyntheticDataset ds = new SyntheticDataset(cfg, s);
      String tag = s.name().toLowerCase(Locale.ROOT);
      List<Row> rows =
          SceneWriter.renderAll(
              ds.size(),
              ds::scene,
              (i, scene) -> {
                int c = scene.classes()[0];
                String base =
                    String.format(
                        "%s/%s_%s_%04d", classDir(c), cap(SyntheticGenerator.className(c)), tag, i);
                Images.writeJpeg(
                    Images.toBuffered(scene.image()),
                    root.resolve("images").resolve(base + ".jpg"),
                    SceneWriter.JPEG_QUALITY);
                Images.writePng(
                    Images.greyOf(scene.objectMask(), true),
                    root.resolve("segmentations").resolve(base + ".png"));
                return new Row(base + ".jpg", c, scene.boxes().get(0), scene.keypoints());
              });
      for (Row r : rows) {
        id++;
        images.add(id + " " + r.path);
        labels.add(id + " " + (r.cls + 1));
        split.add(id + " " + (s == Split.TRAIN ? 1 : 0));
        Box b = r.box;
        boxes.add(
            String.format(
                Locale.ROOT,
                "%d %.1f %.1f %.1f %.1f",
                id,
                (float) b.x0(),
                (float) b.y0(),
                (float) b.width(),
                (float) b.height()));
        for (int p = 0; p < r.parts.size(); p++) {
          Keypoint k = r.parts.get(p);
          partLocs.add(
              String.format(
                  Locale.ROOT,
                  "%d %d %.1f %.1f %d",
                  id,
                  p + 1,
                  k.visible() ? k.x() : 0.0,
                  k.visible() ? k.y() : 0.0,
                  k.visible() ? 1 : 0));
        }
      }
      counts.put(tag, rows.size());
    }
    List<String> classes = new ArrayList<>();
    for (int c = 0; c < cfg.numClasses(); c++) {
      classes.add((c + 1) + " " + classDir(c));
    }
    SceneWriter.writeLines(root.resolve("classes.txt"), classes);
    SceneWriter.writeLines(root.resolve("images.txt"), images);
    SceneWriter.writeLines(root.resolve("image_class_labels.txt"), labels);
    SceneWriter.writeLines(root.resolve("train_test_split.txt"), split);
    SceneWriter.writeLines(root.resolve("bounding_boxes.txt"), boxes);
    List<String> parts = new ArrayList<>();
    for (int p = 0; p < SyntheticGenerator.PART_NAMES.size(); p++) {
      parts.add((p + 1) + " " + SyntheticGenerator.PART_NAMES.get(p));
    }
    SceneWriter.writeLines(root.resolve("parts/parts.txt"), parts);
    SceneWriter.writeLines(root.resolve("parts/part_locs.txt"), partLocs);
    return new LayoutSummary(name(), root, counts, cfg.numClasses());
  }

  private record Row(String path, int cls, Box box, List<Keypoint> parts) {}

  private static String cap(String s) {
    StringBuilder b = new StringBuilder();
    for (String w : s.split("_")) {
      b.append(b.length() == 0 ? "" : "_")
          .append(Character.toUpperCase(w.charAt(0)))
          .append(w.substring(1));
    }
    return b.toString();
  }
}
