package org.fga.core.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/** The temporary files that every atomic write (write, then rename) starts from. */
public final class TempFiles {
  private static final SecureRandom NAMES = new SecureRandom();

  private TempFiles() {}

  /**
   * A new empty file in {@code file}'s folder, to write and then rename onto {@code file}. Not
   * {@code Files.createTempFile}: that makes the file owner-only (600) and the rename keeps it, so
   * tables, reports and checkpoints could not be read by a colleague; a file created plainly gets
   * the user's umask, as every other file they write.
   */
  public static Path beside(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    while (true) {
      Path tmp = parent.resolve("." + file.getFileName() + "." + Long.toHexString(NAMES.nextLong()) + ".tmp");
      try {
        return Files.createFile(tmp);
      } catch (FileAlreadyExistsException taken) {
        // another writer drew the same name: draw again
      }
    }
  }
}
