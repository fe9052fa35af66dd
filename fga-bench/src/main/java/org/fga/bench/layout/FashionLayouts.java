package org.fga.bench.layout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fga.core.data.Box;
import org.fga.core.data.Mask;
import org.fga.core.data.Split;
import org.fga.datasets.io.Images;
import org.fga.datasets.fashion.FashionMnistConfig;
import org.fga.datasets.fashion.FashionMnistDataset;
import org.fga.datasets.fashion.FashionScene;
import org.fga.datasets.wsol.WsolMetadataWriter;

/**
 * {@code fga data synth --dataset fashion-mnist}: the cluttered Fashion-MNIST canvases written in
 * the layouts reference code reads, the same images the {@code fashion-mnist} reader serves for the
 * same data block (same seed, split and index), with the garments' real boxes and masks. Each
 * layout reuses the conventions of the synthetic data's writer of that name ({@link CubLayout},
 * {@link VocLayout}, {@link MarketLayout}, wsolevaluation's metadata through {@link
 * WsolMetadataWriter}); class folders are named {@code 001.T-shirt_top} in the data's label order.
 */
public final class FashionLayouts {
  /** The layouts this data can be written in. */
  public static final List<String> NAMES = List.of("cub", "wsol", "voc", "market");

  private FashionLayouts() {}

  /** The task a layout holds; the writer sets it on the data block unless it is {@code coarse}. */
  public static String taskOf(String layout, String asked) {
    return switch (layout) {
      case "voc" -> "multilabel";
      case "market" -> "reid";
      default -> "coarse".equals(asked) ? "coarse" : "classification";
    };
  }

  /** Writes {@code cfg} in {@code layout} under {@code root}; {@code cfg}'s task must be {@link #taskOf}'s. */
  public static LayoutSummary write(String layout, FashionMnistConfig cfg, Path root) throws IOException {
    return switch (layout) {
      case "cub" -> cub(cfg, root);
      case "wsol" -> wsol(cfg, root);
      case "voc" -> voc(cfg, root);
      case "market" -> market(cfg, root);
      default -> throw new org.fga.core.error.FgaUserException(
          "fashion-mnist is written in the layouts " + String.join(", ", NAMES) + ", not '" + layout + "'");
    };
  }

  /** Class folder name: 1-based index and the name with anything but letters and digits as {@code _}. */
  public static String classDir(int label, String name) {
    return String.format("%03d.%s", label + 1, name.replaceAll("[^A-Za-z0-9]+", "_"));
  }

  private record Row(String path, int label, Box box) {}

  /**
   * CUB-200-2011's files ({@link CubLayout}): images, the id lists, boxes (x y width height),
   * {@code segmentations/} masks (0/255); training canvases first, then test. No parts.
   */
  private static LayoutSummary cub(FashionMnistConfig cfg, Path root) throws IOException {
    List<String> images = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<String> split = new ArrayList<>();
    List<String> boxes = new ArrayList<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    List<String> names = null;
    int id = 0;
    for (Split s : List.of(Split.TRAIN, Split.TEST)) {
      FashionMnistDataset ds = new FashionMnistDataset(cfg, s);
      names = ds.info().classNames();
      List<String> classNames = names;
      String tag = s.name().toLowerCase(Locale.ROOT);
      List<Row> rows = SceneWriter.each(ds.size(), i -> {
        FashionScene scene = ds.scene(i);
        int label = ds.labelOf(scene.classes()[0]);
        String base = String.format("%s/%s_%06d", classDir(label, classNames.get(label)), tag, i);
        Images.writeJpeg(Images.toBuffered(scene.image()), root.resolve("images").resolve(base + ".jpg"),
            SceneWriter.JPEG_QUALITY);
        Images.writePng(Images.greyOf(scene.objectMask(), true), root.resolve("segmentations").resolve(base + ".png"));
        return new Row(base + ".jpg", label, scene.boxes().get(0));
      });
      for (Row r : rows) {
        id++;
        images.add(id + " " + r.path);
        labels.add(id + " " + (r.label + 1));
        split.add(id + " " + (s == Split.TRAIN ? 1 : 0));
        boxes.add(String.format(Locale.ROOT, "%d %.1f %.1f %.1f %.1f", id, (float) r.box.x0(), (float) r.box.y0(),
            (float) r.box.width(), (float) r.box.height()));
      }
      counts.put(tag, rows.size());
    }
    List<String> classes = new ArrayList<>();
    for (int c = 0; c < names.size(); c++) {
      classes.add((c + 1) + " " + classDir(c, names.get(c)));
    }
    SceneWriter.writeLines(root.resolve("classes.txt"), classes);
    SceneWriter.writeLines(root.resolve("images.txt"), images);
    SceneWriter.writeLines(root.resolve("image_class_labels.txt"), labels);
    SceneWriter.writeLines(root.resolve("train_test_split.txt"), split);
    SceneWriter.writeLines(root.resolve("bounding_boxes.txt"), boxes);
    return new LayoutSummary("cub", root, counts, names.size());
  }

  /**
   * wsolevaluation's layout: lossless images in class folders {@code <split>/<class>/<name>.png}
   * (readable as an {@code imagefolder}), {@code metadata/<split>/} (image ids, 0-based class
   * labels, boxes {@code x0,y0,x1,y1}, image sizes) and the masks for PxAP in {@code
   * masks/<split>/<class>/<name>.png} (0/255), for train, val (the held-out garments) and test.
   */
  private static LayoutSummary wsol(FashionMnistConfig cfg, Path root) throws IOException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    int classes = 0;
    for (Split s : FashionMnistDataset.splits(cfg)) {
      FashionMnistDataset ds = new FashionMnistDataset(cfg, s);
      List<String> names = ds.info().classNames();
      classes = names.size();
      String tag = s.name().toLowerCase(Locale.ROOT);
      for (int c = 0; c < names.size(); c++) {
        Files.createDirectories(root.resolve(tag).resolve(classDir(c, names.get(c))));
      }
      List<WsolMetadataWriter.Row> rows = SceneWriter.each(ds.size(), i -> {
        FashionScene scene = ds.scene(i);
        int label = ds.labelOf(scene.classes()[0]);
        String rel = String.format("%s/%s_%06d.png", classDir(label, names.get(label)), tag, i);
        Images.writePng(Images.toBuffered(scene.image()), root.resolve(tag).resolve(rel));
        Images.writePng(Images.greyOf(scene.objectMask(), true), root.resolve("masks").resolve(tag).resolve(rel));
        return new WsolMetadataWriter.Row(rel, label, scene.boxes());
      });
      WsolMetadataWriter.write(root.resolve("metadata").resolve(tag), rows, root.resolve(tag));
      counts.put(tag, rows.size());
    }
    return new LayoutSummary("wsol", root, counts, classes);
  }

  /**
   * PASCAL VOC 2012's folder ({@link VocLayout}): {@code JPEGImages/}, {@code Annotations/*.xml}
   * (1-based boxes), {@code SegmentationClass/} and {@code SegmentationObject/} palette PNGs with
   * VOC's 255 outline, {@code ImageSets/Main} and {@code ImageSets/Segmentation}; training canvases
   * as {@code train}, test canvases as {@code val}.
   */
  private static LayoutSummary voc(FashionMnistConfig cfg, Path root) throws IOException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    List<String> trainval = new ArrayList<>();
    Map<String, List<String>> perClassTrainval = new LinkedHashMap<>();
    int classes = 0;
    for (Map.Entry<Split, String> e : List.of(Map.entry(Split.TRAIN, "train"), Map.entry(Split.TEST, "val"))) {
      String vocSplit = e.getValue();
      FashionMnistDataset ds = new FashionMnistDataset(cfg, e.getKey());
      List<String> names = ds.info().classNames();
      classes = names.size();
      List<int[]> present = SceneWriter.each(ds.size(), i -> {
        FashionScene s = ds.scene(i);
        String id = VocLayout.imageId(vocSplit, i);
        Images.writeJpeg(Images.toBuffered(s.image()), root.resolve("JPEGImages").resolve(id + ".jpg"),
            SceneWriter.JPEG_QUALITY);
        Mask classMap = s.classMap(ds::labelOf);
        Images.writePng(Images.paletteOf(VocLayout.withOutline(classMap, s.instances())),
            root.resolve("SegmentationClass").resolve(id + ".png"));
        Images.writePng(Images.paletteOf(VocLayout.withOutline(s.instances(), s.instances())),
            root.resolve("SegmentationObject").resolve(id + ".png"));
        SceneWriter.writeLines(root.resolve("Annotations").resolve(id + ".xml"), List.of(vocXml(id, s, ds, names)));
        return java.util.Arrays.stream(s.classes()).map(ds::labelOf).toArray();
      });
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < present.size(); i++) {
        ids.add(VocLayout.imageId(vocSplit, i));
      }
      trainval.addAll(ids);
      SceneWriter.writeLines(root.resolve("ImageSets/Main").resolve(vocSplit + ".txt"), ids);
      SceneWriter.writeLines(root.resolve("ImageSets/Segmentation").resolve(vocSplit + ".txt"), ids);
      for (int c = 0; c < names.size(); c++) {
        String cls = vocName(names.get(c));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < present.size(); i++) {
          boolean has = false;
          for (int k : present.get(i)) {
            has |= k == c;
          }
          lines.add(String.format("%s %2d", ids.get(i), has ? 1 : -1));
        }
        SceneWriter.writeLines(root.resolve("ImageSets/Main").resolve(cls + "_" + vocSplit + ".txt"), lines);
        perClassTrainval.computeIfAbsent(cls, k -> new ArrayList<>()).addAll(lines);
      }
      counts.put(vocSplit, ds.size());
    }
    SceneWriter.writeLines(root.resolve("ImageSets/Main/trainval.txt"), trainval);
    SceneWriter.writeLines(root.resolve("ImageSets/Segmentation/trainval.txt"), trainval);
    for (Map.Entry<String, List<String>> e : perClassTrainval.entrySet()) {
      SceneWriter.writeLines(root.resolve("ImageSets/Main").resolve(e.getKey() + "_trainval.txt"), e.getValue());
    }
    return new LayoutSummary("voc", root, counts, classes);
  }

  /** A VOC class name: lower case, anything but letters and digits as {@code _} ({@code t_shirt_top}). */
  public static String vocName(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
  }

  private static String vocXml(String id, FashionScene s, FashionMnistDataset ds, List<String> names) {
    int w = s.image().width();
    int h = s.image().height();
    StringBuilder b = new StringBuilder();
    b.append("<annotation>\n\t<folder>VOC2012</folder>\n\t<filename>").append(id).append(".jpg</filename>\n")
        .append("\t<source><database>fga cluttered Fashion-MNIST</database></source>\n")
        .append("\t<size>\n\t\t<width>").append(w).append("</width>\n\t\t<height>").append(h)
        .append("</height>\n\t\t<depth>3</depth>\n\t</size>\n\t<segmented>1</segmented>\n");
    for (int o = 0; o < s.classes().length; o++) {
      Box box = s.boxes().get(o);
      boolean truncated = box.x0() == 0 || box.y0() == 0 || box.x1() == w - 1 || box.y1() == h - 1;
      b.append("\t<object>\n\t\t<name>").append(vocName(names.get(ds.labelOf(s.classes()[o]))))
          .append("</name>\n\t\t<pose>Unspecified</pose>\n\t\t<truncated>").append(truncated ? 1 : 0)
          .append("</truncated>\n\t\t<difficult>0</difficult>\n\t\t<bndbox>\n")
          .append(String.format(Locale.ROOT,
              "\t\t\t<xmin>%d</xmin>\n\t\t\t<ymin>%d</ymin>\n\t\t\t<xmax>%d</xmax>\n\t\t\t<ymax>%d</ymax>\n",
              box.x0() + 1, box.y0() + 1, box.x1() + 1, box.y1() + 1))
          .append("\t\t</bndbox>\n\t</object>\n");
    }
    return b.append("</annotation>").toString();
  }

  /**
   * Market-1501's folders ({@link MarketLayout}): {@code bounding_box_train/}, {@code query/},
   * {@code bounding_box_test/}, names {@code PPPP_cCs1_FFFFFF_01.jpg} with the identity as person
   * and the view as camera; the distractors (test garments never queried) are person {@code 0000},
   * as Market-1501 names its distractors.
   */
  private static LayoutSummary market(FashionMnistConfig cfg, Path root) throws IOException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    int firstDistractor = cfg.identities() + cfg.testIdentities() + 1;
    for (Map.Entry<Split, String> e : List.of(Map.entry(Split.TRAIN, "bounding_box_train"),
        Map.entry(Split.QUERY, "query"), Map.entry(Split.GALLERY, "bounding_box_test"))) {
      FashionMnistDataset ds = new FashionMnistDataset(cfg, e.getKey());
      Path dir = root.resolve(e.getValue());
      int frameBase = e.getKey() == Split.QUERY ? 500000 : 0;
      SceneWriter.each(ds.size(), i -> {
        FashionScene s = ds.scene(i);
        int person = s.identity() >= firstDistractor ? 0 : s.identity();
        Images.writeJpeg(Images.toBuffered(s.image()),
            dir.resolve(MarketLayout.fileName(person, s.view(), frameBase + i, 1)), SceneWriter.JPEG_QUALITY);
        return null;
      });
      counts.put(e.getValue(), ds.size());
    }
    return new LayoutSummary("market", root, counts, cfg.identities());
  }
}
