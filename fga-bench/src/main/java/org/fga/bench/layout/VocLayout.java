package org.fga.bench.layout;

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
import org.fga.datasets.io.Images;
import org.fga.datasets.synthetic.SyntheticConfig;
import org.fga.datasets.synthetic.SyntheticDataset;
import org.fga.datasets.synthetic.SyntheticGenerator;
import org.fga.datasets.synthetic.SyntheticScene;

/**
 * PASCAL VOC 2012 as the {@code VOC2012} folder of VOCdevkit: {@code JPEGImages/}, {@code
 * Annotations/*.xml} (1-based inclusive pixel boxes), {@code SegmentationClass/} and {@code
 * SegmentationObject/} palette PNGs (0 background, 255 on a one-pixel band along object outlines,
 * as in VOC), {@code ImageSets/Main} (split lists and per-class {@code 1}/{@code -1} lists) and
 * {@code ImageSets/Segmentation}. Our training split becomes {@code train}, our test split {@code
 * val} (VOC's evaluation split). Scenes are multi-label.
 */
public final class VocLayout extends NamedLayout {
  public VocLayout() {
    super("voc", "multilabel");
  }

  /** The VOC-style image id of image {@code i} of a split. */
  public static String imageId(String vocSplit, int i) {
    return String.format("%s_%06d", vocSplit.equals("train") ? "2012" : "2013", i);
  }

  @Override
  public LayoutSummary write(SyntheticConfig config, Path root) throws IOException {
    SyntheticConfig cfg = config.toBuilder().optTask(task()).build();
    Map<String, Integer> counts = new LinkedHashMap<>();
    List<String> trainval = new ArrayList<>();
    Map<String, List<String>> perClassTrainval = new LinkedHashMap<>();
    for (Map.Entry<Split, String> e :
        Map.of(Split.TRAIN, "train", Split.TEST, "val").entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .toList()) {
      String vocSplit = e.getValue();
      SyntheticDataset ds = new SyntheticDataset(cfg, e.getKey());
      List<int[]> present =
          SceneWriter.renderAll(
              ds.size(),
              ds::scene,
              (i, s) -> {
                String id = imageId(vocSplit, i);
                Images.writeJpeg(
                    Images.toBuffered(s.image()),
                    root.resolve("JPEGImages").resolve(id + ".jpg"),
                    SceneWriter.JPEG_QUALITY);
                Images.writePng(
                    Images.paletteOf(withOutline(s.classMap(), s.instances())),
                    root.resolve("SegmentationClass").resolve(id + ".png"));
                Images.writePng(
                    Images.paletteOf(withOutline(s.instances(), s.instances())),
                    root.resolve("SegmentationObject").resolve(id + ".png"));
                SceneWriter.writeLines(
                    root.resolve("Annotations").resolve(id + ".xml"), List.of(xml(id, s)));
                return s.classes();
              });
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < present.size(); i++) {
        ids.add(imageId(vocSplit, i));
      }
      trainval.addAll(ids);
      SceneWriter.writeLines(root.resolve("ImageSets/Main").resolve(vocSplit + ".txt"), ids);
      SceneWriter.writeLines(
          root.resolve("ImageSets/Segmentation").resolve(vocSplit + ".txt"), ids);
      for (int c = 0; c < cfg.numClasses(); c++) {
        String cls = SyntheticGenerator.className(c);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < present.size(); i++) {
          boolean has = false;
          for (int k : present.get(i)) {
            has |= k == c;
          }
          lines.add(String.format("%s %2d", ids.get(i), has ? 1 : -1));
        }
        SceneWriter.writeLines(
            root.resolve("ImageSets/Main").resolve(cls + "_" + vocSplit + ".txt"), lines);
        perClassTrainval.computeIfAbsent(cls, k -> new ArrayList<>()).addAll(lines);
      }
      counts.put(vocSplit, ds.size());
    }
    SceneWriter.writeLines(root.resolve("ImageSets/Main/trainval.txt"), trainval);
    SceneWriter.writeLines(root.resolve("ImageSets/Segmentation/trainval.txt"), trainval);
    for (Map.Entry<String, List<String>> e : perClassTrainval.entrySet()) {
      SceneWriter.writeLines(
          root.resolve("ImageSets/Main").resolve(e.getKey() + "_trainval.txt"), e.getValue());
    }
    return new LayoutSummary(name(), root, counts, cfg.numClasses());
  }

  /**
   * Marks with 255 ("ignore") every object pixel that touches a pixel of another instance or the
   * background, which is how VOC outlines objects in its segmentation PNGs.
   */
  static Mask withOutline(Mask labels, Mask instances) {
    int h = labels.height();
    int w = labels.width();
    byte[] out = labels.data().clone();
    byte[] inst = instances.data();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = y * w + x;
        if (inst[p] == 0) {
          continue;
        }
        boolean edge =
            (x > 0 && inst[p - 1] != inst[p])
                || (x < w - 1 && inst[p + 1] != inst[p])
                || (y > 0 && inst[p - w] != inst[p])
                || (y < h - 1 && inst[p + w] != inst[p]);
        if (edge) {
          out[p] = (byte) 255;
        }
      }
    }
    return new Mask(h, w, out);
  }

  private static String xml(String id, SyntheticScene s) {
    int w = s.image().width();
    int h = s.image().height();
    StringBuilder b = new StringBuilder();
    b.append("<annotation>\n")
        .append("\t<folder>VOC2012</folder>\n")
        .append("\t<filename>")
        .append(id)
        .append(".jpg</filename>\n")
        .append("\t<source><database>fga synthetic</database></source>\n")
        .append("\t<size>\n\t\t<width>")
        .append(w)
        .append("</width>\n\t\t<height>")
        .append(h)
        .append("</height>\n\t\t<depth>3</depth>\n\t</size>\n")
        .append("\t<segmented>1</segmented>\n");
    for (int o = 0; o < s.classes().length; o++) {
      Box box = s.boxes().get(o);
      boolean truncated = box.x0() == 0 || box.y0() == 0 || box.x1() == w - 1 || box.y1() == h - 1;
      b.append("\t<object>\n")
          .append("\t\t<name>")
          .append(SyntheticGenerator.className(s.classes()[o]))
          .append("</name>\n")
          .append("\t\t<pose>")
          .append("Unspecified")
          .append("</pose>\n")
          .append("\t\t<truncated>")
          .append(truncated ? 1 : 0)
          .append("</truncated>\n")
          .append("\t\t<difficult>0</difficult>\n")
          .append("\t\t<bndbox>\n")
          .append(
              String.format(
                  Locale.ROOT,
                  "\t\t\t<xmin>%d</xmin>\n"
                      + "\t\t\t<ymin>%d</ymin>\n"
                      + "\t\t\t<xmax>%d</xmax>\n"
                      + "\t\t\t<ymax>%d</ymax>\n",
                  box.x0() + 1,
                  box.y0() + 1,
                  box.x1() + 1,
                  box.y1() + 1))
          .append("\t\t</bndbox>\n")
          .append("\t</object>\n");
    }
    return b.append("</annotation>").toString();
  }
}
