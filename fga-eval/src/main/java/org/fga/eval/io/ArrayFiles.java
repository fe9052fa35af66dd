package org.fga.eval.io;

import java.nio.file.Path;
import java.util.Locale;
import org.fga.core.error.FgaUserException;
import org.fga.core.io.NdArray;
import org.fga.core.io.Npy;

/** Reads an array input by its extension: {@code .npy} or {@code .csv}. */
public final class ArrayFiles {
  private ArrayFiles() {}

  public static NdArray read(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".npy")) {
      return Npy.read(path);
    }
    if (name.endsWith(".csv") || name.endsWith(".txt")) {
      return Csv.read(path);
    }
    throw new FgaUserException(path + ": unknown array format; use .npy or .csv");
  }
}
