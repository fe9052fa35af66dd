package org.fga.datasets.cub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fga.core.data.Keypoint;
import org.fga.datasets.IdLists;
import org.fga.datasets.TextFiles;
import org.fga.core.error.FgaUserException;

/**
 * CUB's part locations: {@code parts/parts.txt} ("{@code <part id> <name>}", ids 1..15, names
 * with spaces such as {@code left eye}) and {@code parts/part_locs.txt} ("{@code <image id> <part
 * id> <x> <y> <visible>}", one line for every image and part).
 *
 * <p>Coordinates are used as the file gives them, in the pixel grid the reader also uses for {@code
 * bounding_boxes.txt}: 0-based, pixel i's centre at i. (Whether the annotators' tool put 0 at a
 * pixel's centre or its edge is not documented; half a pixel is well below the clicks' spread.)
 * Parts marked not visible are kept, flagged, at the coordinates the file gives (CUB writes 0 0).
 */
final class CubParts {
  private CubParts() {}

  /**
   * The keypoints of every image of {@code images}, in part-id order, or {@code null} if the
   * dataset has no {@code parts/} files. One file without the other, a malformed line, an unknown
   * image or part id, a repeated or a missing (image, part) pair is an error naming file and row.
   */
  static Map<String, List<Keypoint>> read(Path root, IdLists images) {
    Path namesFile = root.resolve("parts/parts.txt");
    Path locsFile = root.resolve("parts/part_locs.txt");
    if (!Files.exists(namesFile) && !Files.exists(locsFile)) {
      return null;
    }
    List<String> names = names(namesFile);
    Map<String, Keypoint[]> byImage = new HashMap<>();
    List<String[]> rows = TextFiles.rows(locsFile);
    for (int r = 0; r < rows.size(); r++) {
      String id = rows.get(r)[0];
      int part = TextFiles.intField(locsFile, rows, r, 1);
      double x = TextFiles.doubleField(locsFile, rows, r, 2);
      double y = TextFiles.doubleField(locsFile, rows, r, 3);
      int visible = TextFiles.intField(locsFile, rows, r, 4);
      String where = locsFile + " row " + (r + 1) + ": ";
      if (images.path(id) == null) {
        throw new FgaUserException(where + "image id " + id + " is not in images.txt");
      }
      if (part < 1 || part > names.size()) {
        throw new FgaUserException(
            where + "part id " + part + " is not in parts.txt (1.." + names.size() + ")");
      }
      if (visible != 0 && visible != 1) {
        throw new FgaUserException(where + "visible must be 0 or 1, got " + visible);
      }
      if (!Double.isFinite(x) || !Double.isFinite(y)) {
        throw new FgaUserException(where + "coordinates " + x + " " + y + " are not finite");
      }
      Keypoint[] points = byImage.computeIfAbsent(id, k -> new Keypoint[names.size()]);
      if (points[part - 1] != null) {
        String what = "image " + id + " part " + part + " (" + names.get(part - 1) + ")";
        throw new FgaUserException(where + what + " appears twice");
      }
      points[part - 1] = new Keypoint(names.get(part - 1), x, y, visible == 1);
    }
    Map<String, List<Keypoint>> out = new HashMap<>();
    for (String id : images.ids()) {
      Keypoint[] points = byImage.get(id);
      for (int p = 0; p < names.size(); p++) {
        if (points == null || points[p] == null) {
          throw new FgaUserException(
              locsFile
                  + " has no line for image "
                  + id
                  + " part "
                  + (p + 1)
                  + " ("
                  + names.get(p)
                  + ")");
        }
      }
      out.put(id, List.of(points));
    }
    return out;
  }

  /** Part names by id; ids must run 1, 2, ... in file order. */
  private static List<String> names(Path file) {
    List<String[]> rows = TextFiles.rows(file);
    List<String> names = new ArrayList<>(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      int id = TextFiles.intField(file, rows, r, 0);
      if (id != r + 1 || rows.get(r).length < 2) {
        throw new FgaUserException(
            file + " row " + (r + 1) + ": expected '" + (r + 1) + " <part name>'");
      }
      String[] row = rows.get(r);
      names.add(String.join(" ", Arrays.copyOfRange(row, 1, row.length)));
    }
    if (names.isEmpty()) {
      throw new FgaUserException(file + " names no parts");
    }
    return names;
  }
}
