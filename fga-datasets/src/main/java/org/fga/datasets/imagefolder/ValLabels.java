package org.fga.datasets.imagefolder;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fga.datasets.MatFiles;
import org.fga.datasets.Roots;
import org.fga.datasets.TextFiles;
import org.fga.core.error.FgaUserException;
import us.hebi.matlab.mat.types.Struct;

/**
 * The labels of ImageNet's flat validation folder ({@code val/ILSVRC2012_val_00000001.JPEG} ...),
 * which has no class folders. Class indices are those of the sorted class folders of {@code
 * train/} (the wnids), as for every other split. Two sources:
 *
 * <ul>
 *   <li>The devkit: {@code data/ILSVRC2012_validation_ground_truth.txt} holds one ILSVRC2012 class
 *       id (1..1000) per line, line n for image number n (the digits ending the file name), and
 *       the {@code synsets} struct of {@code data/meta.mat} maps those ids to wnids. The ids are
 *       not in wnid order, which is why the mapping is needed.
 *   <li>A list of {@code name,label} or {@code name label} lines: wsolevaluation's {@code
 *       metadata/ILSVRC/test/class_labels.txt} ({@code val/ILSVRC2012_val_00000001.JPEG,65}), a
 *       {@code name wnid} list, or Kaggle's {@code LOC_val_solution.csv} (the first word of its
 *       second field is the wnid). A name matches the image with the same file name, folders and
 *       extension aside. A label is a class folder name (wnid) or a 0-based index in sorted class
 *       order, the order wsolevaluation and torchvision number ImageNet's classes in. A first line
 *       whose label is neither is a header and skipped.
 * </ul>
 */
final class ValLabels {
  private static final Pattern TRAILING_NUMBER = Pattern.compile("(\\d+)$");

  /** Where the labels come from, for messages. */
  private final Path source;

  /** By file name without extension (list source), else null. */
  private final Map<String, Integer> byName;

  /** Devkit source: the ILSVRC id of each ground-truth line, and each id's class index. */
  private final int[] idOfLine;

  private final Map<Integer, String> wnidOfId;
  private final Map<String, Integer> classes;

  private ValLabels(
      Path source,
      Map<String, Integer> byName,
      int[] idOfLine,
      Map<Integer, String> wnidOfId,
      Map<String, Integer> classes) {
    this.source = source;
    this.byName = byName;
    this.idOfLine = idOfLine;
    this.wnidOfId = wnidOfId;
    this.classes = classes;
  }

  /** The labels {@code cfg} names, for the classes {@code classes} (folder name → index). */
  static ValLabels of(ImageFolderConfig cfg, Map<String, Integer> classes) {
    if (cfg.devkit() != null) {
      return devkit(Path.of(cfg.devkit()), classes);
    }
    return list(Path.of(cfg.valLabels()), classes);
  }

  /** The class index of {@code image}, or an error naming it and the label source. */
  int labelOf(Path image) {
    String stem = stem(image.getFileName().toString());
    if (byName != null) {
      Integer label = byName.get(stem);
      if (label == null) {
        throw new FgaUserException("image " + image + " has no label in " + source);
      }
      return label;
    }
    Matcher m = TRAILING_NUMBER.matcher(stem);
    long n = m.find() ? Long.parseLong(m.group(1)) : -1;
    if (n < 1 || n > idOfLine.length) {
      throw new FgaUserException(
          "image "
              + image
              + (n < 0 ? " has no number in its name" : " is number " + n)
              + ", but "
              + source
              + " labels images 1.."
              + idOfLine.length);
    }
    int id = idOfLine[(int) n - 1];
    String wnid = wnidOfId.get(id);
    if (wnid == null) {
      throw new FgaUserException(
          source + " row " + n + ": ILSVRC id " + id + " is not in meta.mat's synsets");
    }
    Integer label = classes.get(wnid);
    if (label == null) {
      throw new FgaUserException(
          source + " row " + n + ": class " + wnid + " (ILSVRC id " + id + ") has no folder in"
              + " train/");
    }
    return label;
  }

  private static ValLabels devkit(Path devkit, Map<String, Integer> classes) {
    Path data = Roots.find(devkit.toString(), "ILSVRC2012 devkit", "meta.mat", "data");
    Path truth = data.resolve("ILSVRC2012_validation_ground_truth.txt");
    List<String[]> rows = TextFiles.rows(truth);
    int[] ids = new int[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      ids[r] = TextFiles.intField(truth, rows, r, 0);
    }
    MatFiles meta = MatFiles.open(data.resolve("meta.mat"));
    Struct synsets = meta.variable("synsets", Struct.class);
    Map<Integer, String> wnids = new HashMap<>();
    for (int i = 0; i < synsets.getNumElements(); i++) {
      wnids.put((int) meta.number(synsets, "ILSVRC2012_ID", i), meta.text(synsets, "WNID", i));
    }
    return new ValLabels(truth, null, ids, wnids, classes);
  }

  private static ValLabels list(Path file, Map<String, Integer> classes) {
    List<String> lines = TextFiles.lines(file);
    Map<String, Integer> byName = new HashMap<>();
    for (int r = 0; r < lines.size(); r++) {
      String line = lines.get(r);
      String[] f = line.contains(",") ? line.split(",", 2) : line.split("\\s+", 2);
      String where = file + " row " + (r + 1) + ": ";
      if (f.length < 2 || f[1].isBlank()) {
        throw new FgaUserException(where + "expected '<image>,<label>' or '<image> <label>'");
      }
      String label = f[1].strip().split("\\s+")[0];
      Integer index = classIndex(label, classes);
      if (index == null) {
        if (r == 0) {
          continue; // a header, e.g. Kaggle's "ImageId,PredictionString"
        }
        throw new FgaUserException(
            where
                + "label '"
                + label
                + "' is neither a class folder of train/ nor a class index 0.."
                + (classes.size() - 1));
      }
      String name = stem(f[0].strip());
      if (byName.put(name, index) != null) {
        throw new FgaUserException(where + "image " + name + " is labelled twice");
      }
    }
    return new ValLabels(file, byName, null, null, classes);
  }

  private static Integer classIndex(String label, Map<String, Integer> classes) {
    Integer byWnid = classes.get(label);
    if (byWnid != null) {
      return byWnid;
    }
    try {
      int i = Integer.parseInt(label);
      return i >= 0 && i < classes.size() ? i : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code val/ILSVRC2012_val_00000001.JPEG} → {@code ILSVRC2012_val_00000001}. */
  private static String stem(String name) {
    String file = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    int dot = file.lastIndexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }
}
