package org.fga.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fga.core.error.FgaUserException;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.Char;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

/**
 * MATLAB {@code .mat} annotation files (Stanford Cars and Dogs), read with the mfl-core library.
 * Every failure — missing file, not a MAT file, missing variable, wrong type — names the file.
 */
public final class MatFiles {
  private final Path file;
  private final MatFile mat;

  private MatFiles(Path file, MatFile mat) {
    this.file = file;
    this.mat = mat;
  }

  public static MatFiles open(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new FgaUserException("annotation file not found: " + file);
    }
    try {
      return new MatFiles(file, Mat5.readFromFile(file.toFile()));
    } catch (IOException | RuntimeException e) {
      throw new FgaUserException("cannot read MATLAB file " + file + ": " + e.getMessage(), e);
    }
  }

  public Path file() {
    return file;
  }

  /** The variable {@code name} as {@code type}, or a user error naming the file and variable. */
  public <T extends Array> T variable(String name, Class<T> type) {
    Array a;
    try {
      a = mat.getArray(name);
    } catch (RuntimeException e) {
      throw new FgaUserException(file + " has no variable '" + name + "'");
    }
    return as(a, type, "variable '" + name + "'");
  }

  /** Element {@code i} of a cell array as a string. */
  public String string(Cell cell, int i, String what) {
    Array a = cell.get(i);
    if (a instanceof Cell inner && inner.getNumElements() == 1) {
      a = inner.get(0); // some releases wrap each string in a 1x1 cell
    }
    return as(a, Char.class, what + " " + (i + 1)).getString().strip();
  }

  /** Field {@code field} of element {@code i} of a struct array as a number. */
  public double number(Struct s, String field, int i) {
    return as(field(s, field, i), Matrix.class, "field '" + field + "' of element " + (i + 1))
        .getDouble(0);
  }

  /** Field {@code field} of element {@code i} of a struct array as a string. */
  public String text(Struct s, String field, int i) {
    return as(field(s, field, i), Char.class, "field '" + field + "' of element " + (i + 1))
        .getString()
        .strip();
  }

  private Array field(Struct s, String field, int i) {
    if (!s.getFieldNames().contains(field)) {
      throw new FgaUserException(
          file + ": the struct has no field '" + field + "' (it has " + s.getFieldNames() + ")");
    }
    return s.get(field, i);
  }

  private <T extends Array> T as(Array a, Class<T> type, String what) {
    if (!type.isInstance(a)) {
      throw new FgaUserException(
          file
              + ": "
              + what
              + " is "
              + (a == null ? "missing" : a.getType())
              + ", expected "
              + type.getSimpleName());
    }
    return type.cast(a);
  }

  /**
   * A label map stored as a matrix in field {@code field} of the struct variable {@code variable}.
   */
  public org.fga.core.data.Mask labelMap(String variable, String field) {
    Struct s = variable(variable, Struct.class);
    Matrix m = as(field(s, field, 0), Matrix.class, "field '" + field + "'");
    int h = m.getNumRows();
    int w = m.getNumCols();
    byte[] out = new byte[h * w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out[y * w + x] =
            (byte) (int) m.getDouble(y, x); // MATLAB stores column-major; index by (row, col)
      }
    }
    return new org.fga.core.data.Mask(h, w, out);
  }
}
