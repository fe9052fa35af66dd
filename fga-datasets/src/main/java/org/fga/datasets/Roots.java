package org.fga.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fga.core.error.FgaUserException;

/** Finding a dataset's root: the folder itself, or the folder it unpacks to inside it. */
public final class Roots {
  private Roots() {}

  /**
   * The first of {@code root} and {@code root/<sub>} for each sub that contains {@code marker},
   * else a user error naming the marker and the folder.
   */
  public static Path find(String root, String dataset, String marker, String... subs) {
    if (root == null || root.isBlank()) {
      throw new FgaUserException("data.root is required for dataset " + dataset);
    }
    Path r = Path.of(root);
    if (!Files.isDirectory(r)) {
      throw new FgaUserException(missingRoot(root, dataset));
    }
    if (Files.exists(r.resolve(marker))) {
      return r;
    }
    for (String s : subs) {
      if (Files.exists(r.resolve(s).resolve(marker))) {
        return r.resolve(s);
      }
    }
    throw new FgaUserException(
        dataset
            + " root "
            + r
            + " has no "
            + marker
            + (subs.length == 0 ? "" : " (also looked in " + String.join(", ", subs) + ")"));
  }

  /**
   * One line for a {@code data.root} that is not a folder: it names the key (what to change) and,
   * for a relative root, the folder it was resolved against (the working directory, not the spec's
   * folder, which is what a user who ran fga from elsewhere most often trips over).
   */
  public static String missingRoot(String root, String dataset) {
    Path r = Path.of(root);
    return "data.root " + r + " (" + dataset + ") is not a folder"
        + (r.isAbsolute() ? "" : "; a relative root is relative to the working directory "
            + Path.of("").toAbsolutePath() + ", not to the experiment file")
        + "; set it with -o data.root=DIR";
  }

  /** Relative id of {@code file} under {@code root}, with forward slashes. */
  public static String idOf(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }
}
