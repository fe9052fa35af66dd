package org.fga.datasets.wsol;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fga.core.data.Box;
import org.fga.datasets.Entry;
import org.fga.datasets.TextFiles;
import org.fga.datasets.TextFiles.Line;
import org.fga.core.error.FgaUserException;

/**
 * A split as wsolevaluation describes it: a folder with
 *
 * <ul>
 *   <li>{@code image_ids.txt}: one image path per line, relative to the image folder;
 *   <li>{@code class_labels.txt}: {@code <image>,<label>}, the label a 0-based class index (CUB:
 *       the order of {@code classes.txt}; ImageNet: sorted wnid order);
 *   <li>{@code localization.txt}: {@code <image>,x0,y0,x1,y1} in the image's pixels, one line per
 *       box, so an image may have several; inclusive corners, as wsolevaluation's IoU counts {@code
 *       x1 - x0 + 1} columns. (wsolevaluation's CUB files were made as {@code x1 = x + w} from
 *       {@code bounding_boxes.txt}, so its CUB boxes are one pixel wider and taller than the CUB
 *       reader's own {@code x .. x + w - 1}; they are read as the protocol scores them.) Empty or
 *       absent for splits without boxes (ImageNet train);
 *   <li>{@code image_sizes.txt}: {@code <image>,w,h}, used to check that every box lies inside
 *       its image. Empty or absent: not checked.
 * </ul>
 *
 * <p>Labels are taken as indices into the reading dataset's classes, so they must be in range; an
 * image whose parent folder is one of the dataset's class folders must carry that folder's index,
 * which catches metadata labelled in another class order. Every list must cover exactly the images
 * of {@code image_ids.txt}, and every image must exist: a missing download (ImageNetV2, CUBV2)
 * fails when the split is opened, not hours into a run. Errors name file and line. OpenImages' mask
 * lines ({@code <image>,<mask>,<ignore mask>}) are not read.
 */
public final class WsolMetadata {
  private WsolMetadata() {}

  /**
   * The entries of the split {@code split} describes, in {@code image_ids.txt} order. The entry id
   * is the image id as wsolevaluation writes it, so outputs can be matched with its tools.
   *
   * @param defaultImages the image folder when {@code split} names none
   * @param classFolders the dataset's class folder names, by class index
   */
  public static List<Entry> read(
      MetadataSplit split, Path defaultImages, List<String> classFolders) {
    Path dir = Path.of(split.metadata());
    if (!Files.isDirectory(dir)) {
      throw new FgaUserException("data.splits: metadata folder " + dir + " is not a folder");
    }
    Path images = split.images() == null ? defaultImages : Path.of(split.images());
    if (!Files.isDirectory(images)) {
      throw new FgaUserException(
          "data.splits: image folder " + images + " (for metadata " + dir + ") is not a folder");
    }
    Map<String, Integer> lineOf = imageIds(dir.resolve("image_ids.txt"));
    Map<String, Integer> labels = labels(dir.resolve("class_labels.txt"), lineOf, classFolders);
    Map<String, int[]> sizes = sizes(dir.resolve("image_sizes.txt"), lineOf);
    Map<String, List<Box>> boxes = boxes(dir.resolve("localization.txt"), lineOf, sizes);
    requireImages(dir.resolve("image_ids.txt"), images, lineOf);
    List<Entry> out = new ArrayList<>(lineOf.size());
    for (String id : lineOf.keySet()) {
      List<Box> b = boxes.get(id);
      out.add(
          Entry.classification(
              images.resolve(id), id, labels.get(id), b == null ? null : List.copyOf(b)));
    }
    return out;
  }

  /** Image id → its line in {@code image_ids.txt}, in file order. */
  private static Map<String, Integer> imageIds(Path file) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Line l : TextFiles.numberedLines(file)) {
      Integer first = out.putIfAbsent(l.text(), l.number());
      if (first != null) {
        throw new FgaUserException(
            where(file, l)
                + "image "
                + l.text()
                + " is listed twice (first on line "
                + first
                + ")");
      }
    }
    if (out.isEmpty()) {
      throw new FgaUserException(file + " lists no images");
    }
    return out;
  }

  private static Map<String, Integer> labels(
      Path file, Map<String, Integer> ids, List<String> classFolders) {
    Map<String, Integer> indexOfFolder = new HashMap<>();
    for (int c = 0; c < classFolders.size(); c++) {
      indexOfFolder.put(classFolders.get(c), c);
    }
    Map<String, Integer> out = new HashMap<>();
    for (Line l : TextFiles.numberedLines(file)) {
      String[] f = fields(file, l, 2, "<image>,<class index>");
      String id = known(file, l, f[0], ids);
      int label = integer(file, l, f[1]);
      if (label < 0 || label >= classFolders.size()) {
        throw new FgaUserException(
            where(file, l)
                + "class "
                + label
                + " of image "
                + id
                + " is outside 0.."
                + (classFolders.size() - 1)
                + ", the dataset's classes");
      }
      Integer folderClass = indexOfFolder.get(parentName(id));
      if (folderClass != null && folderClass != label) {
        throw new FgaUserException(
            where(file, l)
                + "image "
                + id
                + " is labelled "
                + label
                + " but lies in the folder of class "
                + folderClass
                + " ("
                + parentName(id)
                + "): the labels do not follow the dataset's class order");
      }
      if (out.put(id, label) != null) {
        throw new FgaUserException(where(file, l) + "image " + id + " is labelled twice");
      }
    }
    requireAll(file, ids, out);
    return out;
  }

  /** Image id → {width, height}; empty if the file is absent or empty. */
  private static Map<String, int[]> sizes(Path file, Map<String, Integer> ids) {
    Map<String, int[]> out = new HashMap<>();
    if (!Files.exists(file)) {
      return out;
    }
    for (Line l : TextFiles.numberedLines(file)) {
      String[] f = fields(file, l, 3, "<image>,<width>,<height>");
      String id = known(file, l, f[0], ids);
      int w = integer(file, l, f[1]);
      int h = integer(file, l, f[2]);
      if (w <= 0 || h <= 0) {
        throw new FgaUserException(where(file, l) + "image " + id + " has no area");
      }
      if (out.put(id, new int[] {w, h}) != null) {
        throw new FgaUserException(where(file, l) + "image " + id + " has a second size");
      }
    }
    if (!out.isEmpty()) {
      requireAll(file, ids, out);
    }
    return out;
  }

  /** Image id → its boxes; empty if the file is absent or empty (a split without boxes). */
  private static Map<String, List<Box>> boxes(
      Path file, Map<String, Integer> ids, Map<String, int[]> sizes) {
    Map<String, List<Box>> out = new HashMap<>();
    if (!Files.exists(file)) {
      return out;
    }
    for (Line l : TextFiles.numberedLines(file)) {
      if (l.text().split(",", -1).length == 3) {
        throw new FgaUserException(
            where(file, l)
                + "a mask line (OpenImages); only box localisation (<image>,x0,y0,x1,y1) is read");
      }
      String[] f = fields(file, l, 5, "<image>,x0,y0,x1,y1");
      String id = known(file, l, f[0], ids);
      int x0 = integer(file, l, f[1]);
      int y0 = integer(file, l, f[2]);
      int x1 = integer(file, l, f[3]);
      int y1 = integer(file, l, f[4]);
      if (x0 < 0 || y0 < 0 || x1 < x0 || y1 < y0) {
        throw new FgaUserException(
            where(file, l)
                + "box of image "
                + id
                + " is not x0,y0,x1,y1 with 0 <= x0 <= x1 and 0 <= y0 <= y1");
      }
      Box b = new Box(x0, y0, x1, y1);
      int[] size = sizes.get(id);
      if (size != null && (b.x1() >= size[0] || b.y1() >= size[1])) {
        throw new FgaUserException(
            where(file, l)
                + "box of image "
                + id
                + " reaches past its "
                + size[0]
                + "x"
                + size[1]
                + " pixels (image_sizes.txt)");
      }
      out.computeIfAbsent(id, k -> new ArrayList<>()).add(b);
    }
    if (!out.isEmpty()) {
      requireAll(file, ids, out);
    }
    return out;
  }

  /** Every listed image is a file, else an error naming the first missing one and the count. */
  private static void requireImages(Path file, Path images, Map<String, Integer> ids) {
    String first = null;
    int missing = 0;
    for (String id : ids.keySet()) {
      if (!Files.isRegularFile(images.resolve(id))) {
        first = first == null ? id : first;
        missing++;
      }
    }
    if (first != null) {
      throw new FgaUserException(
          file
              + " line "
              + ids.get(first)
              + ": image "
              + images.resolve(first)
              + " not found ("
              + missing
              + " of "
              + ids.size()
              + " listed images are missing under "
              + images
              + ")");
    }
  }

  private static String[] fields(Path file, Line l, int n, String form) {
    String[] f = l.text().split(",", -1);
    if (f.length != n) {
      throw new FgaUserException(
          where(file, l) + "expected '" + form + "', got '" + l.text() + "'");
    }
    return f;
  }

  private static int integer(Path file, Line l, String field) {
    try {
      return Integer.parseInt(field.strip());
    } catch (NumberFormatException e) {
      throw new FgaUserException(where(file, l) + "'" + field + "' is not an integer");
    }
  }

  private static String known(Path file, Line l, String id, Map<String, Integer> ids) {
    if (!ids.containsKey(id)) {
      throw new FgaUserException(where(file, l) + "image " + id + " is not in image_ids.txt");
    }
    return id;
  }

  private static void requireAll(Path file, Map<String, Integer> ids, Map<String, ?> found) {
    for (Map.Entry<String, Integer> e : ids.entrySet()) {
      if (!found.containsKey(e.getKey())) {
        throw new FgaUserException(
            file
                + " has no line for image "
                + e.getKey()
                + " (image_ids.txt line "
                + e.getValue()
                + ")");
      }
    }
  }

  /** {@code 001.Black_footed_Albatross/x.jpg} → {@code 001.Black_footed_Albatross}; else "". */
  private static String parentName(String id) {
    String[] parts = id.split("/");
    return parts.length < 2 ? "" : parts[parts.length - 2];
  }

  private static String where(Path file, Line l) {
    return file + " line " + l.number() + ": ";
  }
}
