package org.fga.eval.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fga.core.error.FgaUserException;
import org.fga.core.io.NdArray;

/**
 * Numbers in comma-separated rows, no header. Blank lines and lines starting with {@code #} are
 * skipped. One value per row, or a single row, gives a 1-D array; otherwise rows × columns, and
 * every row must have the same number of values.
 */
public final class Csv {
  private Csv() {}

  public static NdArray read(Path path) {
    String src = path.toString();
    List<double[]> rows = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(path)) {
      String line;
      int lineNo = 0;
      while ((line = r.readLine()) != null) {
        lineNo++;
        String t = line.trim();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        String[] parts = t.split(",", -1);
        double[] row = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
          try {
            row[i] = Double.parseDouble(parts[i].trim());
          } catch (NumberFormatException e) {
            throw new FgaUserException(
                String.format("%s:%d: '%s' is not a number (column %d)", src, lineNo, parts[i].trim(), i + 1));
          }
        }
        if (!rows.isEmpty() && rows.get(0).length != row.length) {
          throw new FgaUserException(
              String.format("%s:%d: %d values, but the first row has %d", src, lineNo, row.length, rows.get(0).length));
        }
        rows.add(row);
      }
    } catch (NoSuchFileException e) {
      throw new FgaUserException(src + ": no such file");
    } catch (IOException e) {
      throw new FgaUserException(src + ": cannot read: " + e.getMessage(), e);
    }
    if (rows.isEmpty()) {
      throw new FgaUserException(src + ": no values");
    }
    int cols = rows.get(0).length;
    double[] flat = new double[rows.size() * cols];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i), 0, flat, i * cols, cols);
    }
    int[] shape = cols == 1 || rows.size() == 1 ? new int[] {flat.length} : new int[] {rows.size(), cols};
    return NdArray.ofDoubles(src, shape, flat);
  }
}
