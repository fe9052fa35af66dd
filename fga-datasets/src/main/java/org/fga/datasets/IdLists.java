package org.fga.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fga.core.data.Box;
import org.fga.core.error.FgaUserException;

/**
 * The "{@code <image id> <values...>}" lists of CUB-style datasets (CUB-200-2011, NABirds): one
 * line per image, keyed by an id that {@code images.txt} defines. Every list must cover exactly the
 * images of {@code images.txt}; errors name the file and row.
 */
public final class IdLists {
  private final Map<String, String> paths;

  private IdLists(Map<String, String> paths) {
    this.paths = paths;
  }

  /** Reads {@code images.txt}: image id and path, in file order. */
  public static IdLists images(Path file) {
    Map<String, String> paths = new LinkedHashMap<>();
    List<String[]> rows = TextFiles.rows(file);
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      if (row.length < 2) {
        throw new FgaUserException(file + " row " + (r + 1) + ": expected '<id> <path>'");
      }
      if (paths.put(row[0], row[1]) != null) {
        throw new FgaUserException(
            file + " row " + (r + 1) + ": image id " + row[0] + " appears twice");
      }
    }
    return new IdLists(paths);
  }

  /** Image ids in {@code images.txt} order. */
  public List<String> ids() {
    return new ArrayList<>(paths.keySet());
  }

  public String path(String id) {
    return paths.get(id);
  }

  /** An integer column of a list that must name every image once. */
  public Map<String, Integer> intColumn(Path file, int col) {
    List<String[]> rows = TextFiles.rows(file);
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int r = 0; r < rows.size(); r++) {
      out.put(known(file, rows, r), TextFiles.intField(file, rows, r, col));
    }
    requireAll(file, out);
    return out;
  }

  /**
   * Boxes from '{@code <id> x y width height}' (0-based origin), as inclusive boxes x .. x+width-1.
   * A missing file gives an empty map: boxes are optional for classification.
   */
  public Map<String, Box> boxes(Path file) {
    Map<String, Box> out = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return out;
    }
    List<String[]> rows = TextFiles.rows(file);
    for (int r = 0; r < rows.size(); r++) {
      String id = known(file, rows, r);
      double x = TextFiles.doubleField(file, rows, r, 1);
      double y = TextFiles.doubleField(file, rows, r, 2);
      double w = TextFiles.doubleField(file, rows, r, 3);
      double h = TextFiles.doubleField(file, rows, r, 4);
      if (w <= 0 || h <= 0) {
        throw new FgaUserException(
            file + " row " + (r + 1) + ": box of image " + id + " has no area");
      }
      int x0 = (int) Math.floor(x);
      int y0 = (int) Math.floor(y);
      out.put(
          id,
          new Box(
              x0,
              y0,
              Math.max(x0, (int) Math.ceil(x + w) - 1),
              Math.max(y0, (int) Math.ceil(y + h) - 1)));
    }
    return out;
  }

  private String known(Path file, List<String[]> rows, int r) {
    String id = rows.get(r)[0];
    if (!paths.containsKey(id)) {
      throw new FgaUserException(
          file + " row " + (r + 1) + ": image id " + id + " is not in images.txt");
    }
    return id;
  }

  private void requireAll(Path file, Map<String, ?> found) {
    for (String id : paths.keySet()) {
      if (!found.containsKey(id)) {
        throw new FgaUserException(
            file + " has no line for image " + id + " (" + paths.get(id) + ")");
      }
    }
  }
}
