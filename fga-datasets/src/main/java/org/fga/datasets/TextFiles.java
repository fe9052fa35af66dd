package org.fga.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fga.core.error.FgaUserException;

/**
 * Reading the whitespace-separated annotation lists datasets ship, with errors naming file and
 * line.
 */
public final class TextFiles {
  private TextFiles() {}

  /**
   * The non-blank lines of {@code file}, each split on whitespace; a missing file is a user error.
   */
  public static List<String[]> rows(Path file) {
    List<String> lines = lines(file);
    List<String[]> out = new ArrayList<>(lines.size());
    for (String l : lines) {
      out.add(l.split("\\s+"));
    }
    return out;
  }

  /**
   * The non-blank lines of {@code file}, stripped, for lists that are not plain whitespace columns
   * (commas, names with spaces); a missing file is a user error.
   */
  public static List<String> lines(Path file) {
    return numberedLines(file).stream().map(Line::text).toList();
  }

  /** A stripped non-blank line and its 1-based number in the file, blank lines counted. */
  public record Line(int number, String text) {}

  /**
   * The non-blank lines of {@code file} with their line numbers, for errors that point at the line
   * an editor shows; a missing file is a user error.
   */
  public static List<Line> numberedLines(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new FgaUserException("annotation file not found: " + file);
    } catch (IOException e) {
      throw new FgaUserException("cannot read annotation file " + file + ": " + e.getMessage());
    }
    List<Line> out = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).strip();
      if (!t.isEmpty()) {
        out.add(new Line(i + 1, t));
      }
    }
    return out;
  }

  /**
   * Field {@code i} of row {@code r} (0-based row of non-blank lines) as an int, or a user error.
   */
  public static int intField(Path file, List<String[]> rows, int r, int i) {
    return (int) number(file, rows, r, i, false);
  }

  public static double doubleField(Path file, List<String[]> rows, int r, int i) {
    return number(file, rows, r, i, true);
  }

  private static double number(Path file, List<String[]> rows, int r, int i, boolean real) {
    String[] row = rows.get(r);
    if (row.length <= i) {
      throw new FgaUserException(
          file
              + " row "
              + (r + 1)
              + ": expected at least "
              + (i + 1)
              + " fields, got "
              + row.length);
    }
    try {
      return real ? Double.parseDouble(row[i]) : Integer.parseInt(row[i]);
    } catch (NumberFormatException e) {
      throw new FgaUserException(
          file
              + " row "
              + (r + 1)
              + ": '"
              + row[i]
              + "' is not a"
              + (real ? " number" : "n integer"));
    }
  }

  public static void require(Path file) {
    if (!Files.exists(file)) {
      throw new FgaUserException("annotation file not found: " + file);
    }
  }
}
