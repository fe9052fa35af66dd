package org.fga.bench.table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fga.core.error.FgaUserException;
import org.fga.core.rundir.RunDir;

/**
 * Where a table's runs and rendered files go. Every method's table folder has a {@code
 * synthetic.yaml}, so the file name alone is no address: the default is {@code
 * runs/tables/<method>/<file name>}, the method being the folder that holds {@code tables/}
 * ({@code configs/cal/tables/synthetic.yaml} → {@code runs/tables/cal/synthetic}). The folder
 * records which table file it belongs to ({@value #RECORD}); another table file there is refused,
 * so two tables never overwrite each other's {@code table.md} or share runs.
 */
public final class TableFolder {
  static final String RECORD = "table-file.txt";

  private TableFolder() {}

  /** The default folder of {@code tableFile}. */
  public static Path defaultFor(Path tableFile) {
    Path abs = tableFile.toAbsolutePath().normalize();
    String stem = abs.getFileName().toString().replaceAll("\\.ya?ml$|\\.json$", "");
    Path parent = abs.getParent();
    Path owner = parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("tables")
        ? parent.getParent() : parent;
    String method = owner == null || owner.getFileName() == null ? "tables" : owner.getFileName().toString();
    return Path.of("runs", "tables", method, stem);
  }

  /**
   * Claims {@code dir} for {@code tableFile}: records it on first use, refuses a folder that
   * records another table file. Paths are compared relative to the working directory, where
   * {@code runs/} is, so a moved checkout still finds its own tables.
   */
  public static void claim(Path dir, Path tableFile) {
    String me = spelled(tableFile);
    Path record = dir.resolve(RECORD);
    try {
      if (Files.isRegularFile(record)) {
        String owner = Files.readString(record).trim();
        if (!owner.equals(me)) {
          throw new FgaUserException(dir + " holds the table of " + owner + ", not of " + me
              + "; give this table another --out DIR");
        }
        return;
      }
    } catch (IOException e) {
      throw new FgaUserException("cannot read " + record + ": " + e.getMessage());
    }
    RunDir.writeAtomically(record, me + "\n");
  }

  /**
   * The folder an earlier fga used ({@code runs/tables/<file name>}) when it exists and {@code
   * dir} does not: its runs are not found under the new name, which the caller says.
   */
  public static Path earlierFolder(Path tableFile, Path dir) {
    Path old = Path.of("runs", "tables", defaultFor(tableFile).getFileName().toString());
    return Files.isDirectory(old) && !Files.exists(dir.resolve(RECORD)) && !Files.exists(old.resolve(RECORD)) ? old : null;
  }

  private static String spelled(Path tableFile) {
    Path abs = tableFile.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    return (abs.startsWith(cwd) ? cwd.relativize(abs) : abs).toString();
  }
}
