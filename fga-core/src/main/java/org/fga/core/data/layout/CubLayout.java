package org.fga.core.data.layout;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fga.core.data.Box;
import org.fga.core.data.Mask;
import org.fga.core.data.Split;
import org.fga.core.data.io.Images;
import org.fga.core.data.synthetic.SyntheticConfig;
import org.fga.core.data.synthetic.SyntheticDataset;
import org.fga.core.data.synthetic.SyntheticGenerator;

/**
 * CUB-200-2011 as it unpacks: {@code images/NNN.Class_Name/Class_Name_NNNN.jpg}, the id lists
 * {@code images.txt}, {@code classes.txt}, {@code image_class_labels.txt}, {@code
 * train_test_split.txt}, {@code bounding_boxes.txt} (x y width height, 0-based floats), {@code
 * parts/parts.txt} and {@code parts/part_locs.txt} (part centre, visibility), plus the separately
 * released {@code segmentations/NNN.Class_Name/Class_Name_NNNN.png} object masks (0 or 255).
 * Training images come first, then test images; ids are 1-based.
 */
public final class CubLayout extends NamedLayout {
  /** Our one annotated part, the class-defining wing patch. CUB has 15 parts; we have one. */
  public static final String PART_NAME = "wing patch";

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
                return new Row(base + ".jpg", c, scene.boxes().get(0), centroid(scene.parts()));
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
        boolean visible = r.part != null;
        partLocs.add(
            String.format(
                Locale.ROOT,
                "%d 1 %.1f %.1f %d",
                id,
                visible ? r.part[0] : 0f,
                visible ? r.part[1] : 0f,
                visible ? 1 : 0));
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
    SceneWriter.writeLines(root.resolve("parts/parts.txt"), List.of("1 " + PART_NAME));
    SceneWriter.writeLines(root.resolve("parts/part_locs.txt"), partLocs);
    return new LayoutSummary(name(), root, counts, cfg.numClasses());
  }

  private record Row(String path, int cls, Box box, float[] part) {}

  /** Centre of the part's visible pixels (pixel centres at integer coordinates), or null. */
  private static float[] centroid(Mask m) {
    double sx = 0;
    double sy = 0;
    int n = 0;
    for (int y = 0; y < m.height(); y++) {
      for (int x = 0; x < m.width(); x++) {
        if (m.get(y, x) != 0) {
          sx += x;
          sy += y;
          n++;
        }
      }
    }
    return n == 0 ? null : new float[] {(float) (sx / n), (float) (sy / n)};
  }

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
