package org.fga.bench.layout;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.fga.core.data.Box;
import org.fga.core.data.Split;
import org.fga.datasets.synthetic.SyntheticConfig;
import org.fga.datasets.synthetic.SyntheticGenerator;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

/**
 * The other fine-grained benchmarks' layouts: FGVC-Aircraft 2013b, NABirds, Stanford Cars and
 * Stanford Dogs (the last two with MATLAB annotation files, written with mfl-core).
 */
final class FgvcLayouts {
  private FgvcLayouts() {}

  /**
   * FGVC-Aircraft: {@code data/images/<7 digits>.jpg}, text lists, 1-based boxes. Like the real
   * images, each has a {@value #BANNER_ROWS}-pixel credit banner under the picture (black with a
   * white dashed line where the photographer's name would be), so images are 20 pixels taller than
   * the configured size.
   */
  static final class Aircraft extends NamedLayout {
    static final int BANNER_ROWS = 20;

    Aircraft() {
      super("aircraft", "classification");
    }

    /** The picture with the banner added underneath. */
    static BufferedImage withBanner(BufferedImage picture) {
      int w = picture.getWidth();
      int h = picture.getHeight();
      BufferedImage out = new BufferedImage(w, h + BANNER_ROWS, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = out.createGraphics();
      try {
        g.drawImage(picture, 0, 0, null);
        g.setColor(Color.BLACK);
        g.fillRect(0, h, w, BANNER_ROWS);
        g.setColor(Color.WHITE);
        for (int x = 2; x < w - 2; x += 5) {
          g.fillRect(x, h + 8, 3, 4); // a line of "text"
        }
      } finally {
        g.dispose();
      }
      return out;
    }

    @Override
    public LayoutSummary write(SyntheticConfig config, Path root) throws IOException {
      SyntheticConfig cfg = ClassificationRows.classification(config);
      Path data = root.resolve("data");
      List<String> boxes = new ArrayList<>();
      Map<String, Integer> counts = new LinkedHashMap<>();
      Map<String, List<String>> lists = new LinkedHashMap<>();
      int base = 1_000_000;
      for (Split s : List.of(Split.TRAIN, Split.VAL, Split.TEST)) {
        String set = s == Split.TRAIN ? "train" : s.name().toLowerCase(Locale.ROOT);
        int offset = base;
        List<ClassificationRows.Row> rows =
            ClassificationRows.write(
                cfg,
                s,
                data.resolve("images"),
                (i, c) -> (offset + i) + ".jpg",
                Aircraft::withBanner);
        base += 100_000;
        for (ClassificationRows.Row r : rows) {
          String id = r.path().replace(".jpg", "");
          for (String level : List.of("variant", "family", "manufacturer")) {
            lists
                .computeIfAbsent(level + "_" + set, k -> new ArrayList<>())
                .add(id + " " + className(level, r.cls()));
            if (s != Split.TEST) {
              lists
                  .computeIfAbsent(level + "_trainval", k -> new ArrayList<>())
                  .add(id + " " + className(level, r.cls()));
            }
          }
          Box b = r.box();
          boxes.add(
              id
                  + " "
                  + (b.x0() + 1)
                  + " "
                  + (b.y0() + 1)
                  + " "
                  + (b.x1() + 1)
                  + " "
                  + (b.y1() + 1));
        }
        counts.put(set, rows.size());
      }
      for (Map.Entry<String, List<String>> e : lists.entrySet()) {
        SceneWriter.writeLines(data.resolve("images_" + e.getKey() + ".txt"), e.getValue());
      }
      SceneWriter.writeLines(data.resolve("images_box.txt"), boxes);
      for (String[] level :
          new String[][] {
            {"variant", "variants.txt"},
            {"family", "families.txt"},
            {"manufacturer", "manufacturers.txt"}
          }) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < cfg.numClasses(); c++) {
          String n = className(level[0], c);
          if (!names.contains(n)) {
            names.add(n);
          }
        }
        SceneWriter.writeLines(data.resolve(level[1]), names);
      }
      return new LayoutSummary(name(), root, counts, cfg.numClasses());
    }

    /**
     * Names with spaces, as the real lists have ("Boeing 707"); families group two variants and
     * manufacturers four, so the three levels nest.
     */
    static String className(String level, int c) {
      return switch (level) {
        case "variant" -> "Variant " + SyntheticGenerator.className(c);
        case "family" -> "Family " + (c / 2);
        default -> "Maker " + (c / 4);
      };
    }
  }

  /** NABirds: CUB-style lists keyed by UUIDs, sparse class ids from a larger taxonomy. */
  static final class Nabirds extends NamedLayout {
    /** Class c of the generator has NABirds id FIRST_ID + 3c: leaf ids are not contiguous. */
    static final int FIRST_ID = 295;

    Nabirds() {
      super("nabirds", "classification");
    }

    @Override
    public LayoutSummary write(SyntheticConfig config, Path root) throws IOException {
      SyntheticConfig cfg = ClassificationRows.classification(config);
      List<String> images = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      List<String> split = new ArrayList<>();
      List<String> boxes = new ArrayList<>();
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (Split s : List.of(Split.TRAIN, Split.TEST)) {
        String tag = s.name().toLowerCase(Locale.ROOT);
        List<ClassificationRows.Row> rows =
            ClassificationRows.write(
                cfg,
                s,
                root.resolve("images"),
                (i, c) -> String.format("%04d/%s.jpg", idOf(c), uuid(cfg, tag, i)));
        for (int i = 0; i < rows.size(); i++) {
          ClassificationRows.Row r = rows.get(i);
          String id = uuid(cfg, tag, i);
          images.add(id + " " + r.path());
          labels.add(id + " " + idOf(r.cls()));
          split.add(id + " " + (s == Split.TRAIN ? 1 : 0));
          Box b = r.box();
          boxes.add(id + " " + b.x0() + " " + b.y0() + " " + b.width() + " " + b.height());
        }
        counts.put(tag, rows.size());
      }
      List<String> classes = new ArrayList<>();
      classes.add("0 Birds");
      for (int c = 0; c < cfg.numClasses(); c++) {
        classes.add(
            (idOf(c) - 1) + " Group of " + SyntheticGenerator.className(c)); // inner taxonomy nodes
        classes.add(idOf(c) + " " + SyntheticGenerator.className(c).replace('_', ' '));
      }
      SceneWriter.writeLines(root.resolve("images.txt"), images);
      SceneWriter.writeLines(root.resolve("image_class_labels.txt"), labels);
      SceneWriter.writeLines(root.resolve("train_test_split.txt"), split);
      SceneWriter.writeLines(root.resolve("bounding_boxes.txt"), boxes);
      SceneWriter.writeLines(root.resolve("classes.txt"), classes);
      return new LayoutSummary(name(), root, counts, cfg.numClasses());
    }

    static int idOf(int c) {
      return FIRST_ID + 3 * c;
    }

    private static String uuid(SyntheticConfig cfg, String split, int i) {
      return UUID.nameUUIDFromBytes(
              (cfg.seed() + "/" + split + "/" + i)
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8))
          .toString();
    }
  }

  /** Stanford Cars: image folders and MATLAB annotation structs. */
  static final class Cars extends NamedLayout {
    Cars() {
      super("cars", "classification");
    }

    @Override
    public LayoutSummary write(SyntheticConfig config, Path root) throws IOException {
      SyntheticConfig cfg = ClassificationRows.classification(config);
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (Split s : List.of(Split.TRAIN, Split.TEST)) {
        boolean train = s == Split.TRAIN;
        List<ClassificationRows.Row> rows =
            ClassificationRows.write(
                cfg,
                s,
                root.resolve(train ? "cars_train" : "cars_test"),
                (i, c) -> String.format("%05d.jpg", i + 1));
        Struct a = Mat5.newStruct(1, rows.size());
        for (int i = 0; i < rows.size(); i++) {
          ClassificationRows.Row r = rows.get(i);
          a.set("bbox_x1", i, Mat5.newScalar(r.box().x0() + 1));
          a.set("bbox_y1", i, Mat5.newScalar(r.box().y0() + 1));
          a.set("bbox_x2", i, Mat5.newScalar(r.box().x1() + 1));
          a.set("bbox_y2", i, Mat5.newScalar(r.box().y1() + 1));
          a.set("class", i, Mat5.newScalar(r.cls() + 1));
          a.set("fname", i, Mat5.newString(r.path()));
        }
        writeMat(
            root.resolve(train ? "devkit/cars_train_annos.mat" : "cars_test_annos_withlabels.mat"),
            "annotations",
            a);
        counts.put(s.name().toLowerCase(Locale.ROOT), rows.size());
      }
      Cell names = Mat5.newCell(1, cfg.numClasses());
      for (int c = 0; c < cfg.numClasses(); c++) {
        names.set(c, Mat5.newString("Make " + SyntheticGenerator.className(c) + " 2012"));
      }
      writeMat(root.resolve("devkit/cars_meta.mat"), "class_names", names);
      return new LayoutSummary(name(), root, counts, cfg.numClasses());
    }
  }

  /** Stanford Dogs: breed folders, VOC-style XML without extension, MATLAB file lists. */
  static final class Dogs extends NamedLayout {
    Dogs() {
      super("dogs", "classification");
    }

    /** The breed folder of class c, e.g. {@code n02085000-red_disc}. */
    static String folder(int c) {
      return String.format("n%08d-%s", 2085000 + c, SyntheticGenerator.className(c));
    }

    @Override
    public LayoutSummary write(SyntheticConfig config, Path root) throws IOException {
      SyntheticConfig cfg = ClassificationRows.classification(config);
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (Split s : List.of(Split.TRAIN, Split.TEST)) {
        String tag = s.name().toLowerCase(Locale.ROOT);
        List<ClassificationRows.Row> rows =
            ClassificationRows.write(
                cfg,
                s,
                root.resolve("Images"),
                (i, c) ->
                    String.format("%s/%s_%s_%d.jpg", folder(c), folder(c).substring(0, 9), tag, i));
        Cell files = Mat5.newCell(rows.size(), 1);
        Cell annotations = Mat5.newCell(rows.size(), 1);
        Matrix labels = Mat5.newMatrix(rows.size(), 1);
        for (int i = 0; i < rows.size(); i++) {
          ClassificationRows.Row r = rows.get(i);
          String stem = r.path().replace(".jpg", "");
          files.set(i, Mat5.newString(r.path()));
          annotations.set(i, Mat5.newString(stem));
          labels.setDouble(i, r.cls() + 1);
          Box b = r.box();
          SceneWriter.writeLines(
              root.resolve("Annotation").resolve(stem),
              List.of(
                  "<annotation><filename>"
                      + stem.substring(stem.indexOf('/') + 1)
                      + "</filename>"
                      + VocXmlObjects.of(SyntheticGenerator.className(r.cls()), b)
                      + "</annotation>"));
        }
        MatFile mat =
            Mat5.newMatFile()
                .addArray("file_list", files)
                .addArray("annotation_list", annotations)
                .addArray("labels", labels);
        Path file = root.resolve(tag + "_list.mat");
        java.nio.file.Files.createDirectories(root);
        Mat5.writeToFile(mat, file.toFile());
        counts.put(tag, rows.size());
      }
      return new LayoutSummary(name(), root, counts, cfg.numClasses());
    }
  }

  private static void writeMat(Path file, String variable, us.hebi.matlab.mat.types.Array value)
      throws IOException {
    java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
    Mat5.writeToFile(Mat5.newMatFile().addArray(variable, value), file.toFile());
  }
}
