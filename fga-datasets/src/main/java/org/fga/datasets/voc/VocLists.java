package org.fga.datasets.voc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.fga.datasets.Roots;
import org.fga.datasets.TextFiles;
import org.fga.core.error.FgaUserException;

/**
 * The image lists of VOC 2012 and of its SBD-augmented training set.
 *
 * <p>{@code train_aug} is the set every weakly supervised segmentation paper since DeepLab trains
 * on (10,582 images): SBD's {@code train.txt} (8,498) ∪ SBD's {@code val.txt} (2,857) ∪ VOC 2012
 * {@code ImageSets/Segmentation/train.txt} (1,464), minus VOC 2012 {@code
 * ImageSets/Segmentation/val.txt} (1,449), so that no validation image is trained on. It is built
 * from those four on-disk lists when {@code data.sbd} is set (the SBD lists name the images; SBD's
 * own {@code img/} copies are not read: the JPEGs come from VOC2012's {@code JPEGImages}). Without
 * {@code data.sbd}, a user-provided {@code ImageSets/Segmentation/train_aug.txt} (as shipped with
 * the converted {@code SegmentationClassAug} release) is read instead.
 */
final class VocLists {
  private VocLists() {}

  /** The ids of a VOC list file (first column; {@code ImageSets/Main/<class>_train.txt} has two). */
  static List<String> ids(Path listFile) {
    return TextFiles.rows(listFile).stream().map(r -> r[0]).toList();
  }

  /** The SBD {@code dataset} folder named by {@code data.sbd}, or null. */
  static Path sbd(VocConfig cfg) {
    return cfg.sbd() == null
        ? null
        : Roots.find(cfg.sbd(), "sbd", "cls", "dataset", "benchmark_RELEASE/dataset");
  }

  /** The segmentation list {@code name}: train, val, or train_aug (see the class comment). */
  static List<String> segmentation(Path root, Path sbd, String name) {
    Path sets = root.resolve("ImageSets/Segmentation");
    if (!name.equals("train_aug")) {
      return ids(sets.resolve(name + ".txt"));
    }
    if (sbd != null) {
      return trainAug(root, sbd);
    }
    if (Files.isRegularFile(sets.resolve("train_aug.txt"))) {
      return ids(sets.resolve("train_aug.txt"));
    }
    throw new FgaUserException(
        "voc trainSet train_aug needs data.sbd pointing at SBD's dataset folder (with cls/,"
            + " train.txt, val.txt), or a list "
            + sets.resolve("train_aug.txt"));
  }

  /** SBD train ∪ SBD val ∪ VOC seg train, minus VOC seg val, in sorted order. */
  static List<String> trainAug(Path root, Path sbd) {
    Set<String> all = new TreeSet<>(ids(sbd.resolve("train.txt")));
    all.addAll(ids(sbd.resolve("val.txt")));
    all.addAll(ids(root.resolve("ImageSets/Segmentation/train.txt")));
    all.removeAll(new LinkedHashSet<>(ids(root.resolve("ImageSets/Segmentation/val.txt"))));
    return List.copyOf(all);
  }
}
