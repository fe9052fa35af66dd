package org.fga.datasets.stanford;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.fga.datasets.voc.VocXml;
import org.fga.core.error.FgaUserException;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.Matrix;

/**
 * Stanford Dogs: {@code Images/<wnid>-<Breed>/<name>.jpg}, VOC-style box XML (without extension) in
 * {@code Annotation/<wnid>-<Breed>/<name>}, and {@code train_list.mat} / {@code test_list.mat} with
 * {@code file_list} (paths under Images/) and {@code labels} (1-based). Class names are the breed
 * part of the folder names, in label order.
 */
public final class DogsDatasetProvider extends BaseDiskProvider<DogsConfig> {

  /** Stanford Dogs' official split. */
  @Override
  public java.util.Map<org.fga.core.data.Split, Integer> officialSizes(org.fga.core.data.provider.DataConfig config) {
    return java.util.Map.of(org.fga.core.data.Split.TRAIN, 12000, org.fga.core.data.Split.TEST, 8580);
  }
  public DogsDatasetProvider() {
    super(
        "dogs",
        "Stanford Dogs: 120 breeds, boxes (MATLAB lists, VOC-style XML)",
        DogsConfig.class,
        DogsConfig::of);
  }

  @Override
  protected Map<Split, Integer> officialCounts(DogsConfig config) {
    return Map.of(Split.TRAIN, 12000, Split.TEST, 8580);
  }

  @Override
  protected FileDataset read(DogsConfig cfg, Split split) {
    Path root = Roots.find(cfg.root(), name(), "train_list.mat", "stanford_dogs");
    // class names come from both lists so that they are the same for either split
    String[] names = new String[0];
    List<Entry> entries = new ArrayList<>();
    for (String list : List.of("train_list.mat", "test_list.mat")) {
      MatFiles mat = MatFiles.open(root.resolve(list));
      Cell files = mat.variable("file_list", Cell.class);
      Matrix labels = mat.variable("labels", Matrix.class);
      if (labels.getNumElements() != files.getNumElements()) {
        throw new FgaUserException(
            mat.file()
                + ": "
                + files.getNumElements()
                + " files but "
                + labels.getNumElements()
                + " labels");
      }
      boolean wanted = list.startsWith(split == Split.TRAIN ? "train" : "test");
      for (int i = 0; i < files.getNumElements(); i++) {
        String rel = mat.string(files, i, "file_list entry");
        int label = (int) labels.getDouble(i);
        if (label < 1) {
          throw new FgaUserException(
              mat.file() + ": entry " + (i + 1) + " has label " + label + ", labels start at 1");
        }
        if (label > names.length) {
          names = Arrays.copyOf(names, label);
        }
        String folder = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : "";
        names[label - 1] =
            folder.contains("-") ? folder.substring(folder.indexOf('-') + 1) : folder;
        if (wanted) {
          Path xml = root.resolve("Annotation").resolve(rel.replaceFirst("\\.[^./]+$", ""));
          List<Box> boxes =
              Files.exists(xml)
                  ? VocXml.read(xml).stream().map(VocXml.VocObject::box).toList()
                  : null;
          entries.add(
              Entry.classification(
                  root.resolve("Images").resolve(rel), "Images/" + rel, label - 1, boxes));
        }
      }
    }
    List<String> classes = new ArrayList<>();
    for (int c = 0; c < names.length; c++) {
      if (names[c] == null) {
        throw new FgaUserException(
            root + ": no image has label " + (c + 1) + " in train_list.mat or test_list.mat");
      }
      classes.add(names[c]);
    }
    return dataset(cfg, Task.CLASSIFICATION, classes, entries);
  }
}
