package org.fga.bench.layout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fga.core.data.Box;
import org.fga.core.data.Split;
import org.fga.datasets.synthetic.SyntheticConfig;
import org.fga.datasets.synthetic.SyntheticGenerator;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Struct;

/**
 * ImageNet (ILSVRC 2012) as the official archives unpack: {@code train/<wnid>/<wnid>_<n>.JPEG},
 * the flat {@code val/ILSVRC2012_val_<8 digits>.JPEG} (the generator's test split), the validation
 * boxes {@code val_boxes/val/ILSVRC2012_val_<8 digits>.xml} (VOC format, 1-based) and the devkit
 * {@code ILSVRC2012_devkit_t12/data/} with {@code ILSVRC2012_validation_ground_truth.txt} (one
 * ILSVRC id per validation image) and {@code meta.mat} (the {@code synsets} struct, leaves first,
 * then inner nodes of the hierarchy). As in the real devkit the ILSVRC ids do not follow wnid
 * order: here class c (wnid order) has id {@code numClasses - c}.
 */
public final class ImageNetLayout extends NamedLayout {
  public ImageNetLayout() {
    super("imagenet", "classification");
  }

  /** The wnid (class folder name) of class {@code c}; increasing with c. */
  public static String wnid(int c) {
    return String.format("n%08d", 1440764 + 17 * c);
  }

  /** The ILSVRC2012 id of class {@code c}: the reverse of wnid order, 1-based. */
  public static int ilsvrcId(SyntheticConfig cfg, int c) {
    return cfg.numClasses() - c;
  }

  /** The file name of validation image {@code i} (0-based), e.g. ILSVRC2012_val_00000001.JPEG. */
  public static String valName(int i) {
    return String.format("ILSVRC2012_val_%08d.JPEG", i + 1);
  }

  @Override
  public LayoutSummary write(SyntheticConfig config, Path root) throws IOException {
    SyntheticConfig cfg = ClassificationRows.classification(config);
    for (int c = 0; c < cfg.numClasses(); c++) {
      Files.createDirectories(root.resolve("train").resolve(wnid(c)));
    }
    List<ClassificationRows.Row> train =
        ClassificationRows.write(
            cfg,
            Split.TRAIN,
            root.resolve("train"),
            (i, c) -> String.format("%s/%s_%d.JPEG", wnid(c), wnid(c), i));
    List<ClassificationRows.Row> val =
        ClassificationRows.write(cfg, Split.TEST, root.resolve("val"), (i, c) -> valName(i));
    List<String> truth = new ArrayList<>();
    for (int i = 0; i < val.size(); i++) {
      ClassificationRows.Row r = val.get(i);
      truth.add(String.valueOf(ilsvrcId(cfg, r.cls())));
      Box b = r.box();
      SceneWriter.writeLines(
          root.resolve("val_boxes/val").resolve(valName(i).replace(".JPEG", ".xml")),
          List.of(
              "<annotation><folder>val</folder><filename>"
                  + valName(i).replace(".JPEG", "")
                  + "</filename>"
                  + VocXmlObjects.of(wnid(r.cls()), b)
                  + "</annotation>"));
    }
    Path data = root.resolve("ILSVRC2012_devkit_t12/data");
    SceneWriter.writeLines(data.resolve("ILSVRC2012_validation_ground_truth.txt"), truth);
    writeMeta(cfg, data.resolve("meta.mat"));
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("train", train.size());
    counts.put("val", val.size());
    return new LayoutSummary(name(), root, counts, cfg.numClasses());
  }

  /** {@code synsets}: the leaves by ILSVRC id, then two inner nodes, as the real file has. */
  private static void writeMeta(SyntheticConfig cfg, Path file) throws IOException {
    int n = cfg.numClasses();
    Struct synsets = Mat5.newStruct(n + 2, 1);
    for (int k = 0; k < n + 2; k++) {
      int id = k + 1;
      boolean leaf = id <= n;
      int c = leaf ? n - id : -1;
      synsets.set("ILSVRC2012_ID", k, Mat5.newScalar(id));
      synsets.set("WNID", k, Mat5.newString(leaf ? wnid(c) : String.format("n%08d", 1740 + k)));
      synsets.set(
          "words", k, Mat5.newString(leaf ? SyntheticGenerator.className(c) : "group " + k));
      synsets.set("num_children", k, Mat5.newScalar(leaf ? 0 : n));
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Mat5.writeToFile(Mat5.newMatFile().addArray("synsets", synsets), file.toFile());
  }
}
