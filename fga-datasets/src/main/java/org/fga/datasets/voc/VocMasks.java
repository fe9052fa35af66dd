package org.fga.datasets.voc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fga.datasets.Entry;
import org.fga.core.error.FgaUserException;

/**
 * Where a VOC image's segmentation mask comes from, and which training images carry one ({@code
 * data.masks}).
 *
 * <p>Mask source, first found: VOC's own {@code SegmentationClass/<id>.png} (palette indices: 0
 * background, 1..20 the classes, 255 void along object boundaries and on hard regions; the official
 * annotation, and the only one of the 1,464 + 1,449 segmentation images that marks void), then SBD's
 * {@code cls/<id>.mat} (struct {@code GTcls}, field {@code Segmentation}: 0..20, no void), then a
 * converted {@code SegmentationClassAug/<id>.png}. Void stays 255 in the sample's mask, so losses and
 * metrics can ignore it.
 */
final class VocMasks {
  static final String NONE = "none";
  static final String VAL = "val";
  static final String ALL = "all";
  static final String SEG_TRAIN = "seg-train";

  private final Path root;
  private final Path sbd;

  VocMasks(Path root, Path sbd) {
    this.root = root;
    this.sbd = sbd;
  }

  /** The mask file of {@code id} with the way to read it, or null when no source has one. */
  Entry withMask(Entry e, String id) {
    Path png = root.resolve("SegmentationClass").resolve(id + ".png");
    if (Files.isRegularFile(png)) {
      return e.withMask(png, Entry.MaskKind.INDICES);
    }
    if (sbd != null) {
      Path mat = sbd.resolve("cls").resolve(id + ".mat");
      if (Files.isRegularFile(mat)) {
        return e.withMask(mat, Entry.MaskKind.SBD_MAT);
      }
    }
    Path aug = root.resolve("SegmentationClassAug").resolve(id + ".png");
    if (Files.isRegularFile(aug)) {
      return e.withMask(aug, Entry.MaskKind.INDICES);
    }
    throw new FgaUserException(
        "voc image "
            + id
            + " has no segmentation mask: looked for "
            + png
            + (sbd == null ? "" : ", " + sbd.resolve("cls").resolve(id + ".mat"))
            + " and "
            + aug
            + (sbd == null ? " (set data.sbd to SBD's dataset folder for the SBD images)" : ""));
  }

  /**
   * The training ids that carry a mask under {@code mode}, or null for all of them; every listed id
   * must be in the training list, so a typo cannot silently shrink the pixel-labelled set.
   */
  Set<String> pixelLabelled(String mode, List<String> trainIds) {
    if (mode.equals(ALL)) {
      return null;
    }
    if (mode.equals(VAL)) {
      return Set.of();
    }
    Path list =
        mode.equals(SEG_TRAIN)
            ? root.resolve("ImageSets/Segmentation/train.txt")
            : root.resolve(mode); // resolve() keeps an absolute path as it is
    if (!mode.equals(SEG_TRAIN) && !Files.isRegularFile(list)) {
      throw new FgaUserException(
          "data.masks must be none, val, all, seg-train or a list file of image ids; "
              + list
              + " does not exist");
    }
    Set<String> ids = new HashSet<>(VocLists.ids(list));
    Set<String> missing = new HashSet<>(ids);
    missing.removeAll(new HashSet<>(trainIds));
    if (!missing.isEmpty()) {
      throw new FgaUserException(
          list
              + ": "
              + missing.size()
              + " of its "
              + ids.size()
              + " ids are not in the training list (e.g. "
              + missing.iterator().next()
              + ")");
    }
    return ids;
  }
}
