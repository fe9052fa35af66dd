package org.fga.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Helpers that make damaged copies of fixtures. */
final class BadInput {
  private BadInput() {}

  static Path copyCub(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      s.forEach(
          p -> {
            try {
              Path t = to.resolve(from.relativize(p).toString());
              if (Files.isDirectory(p)) {
                Files.createDirectories(t);
              } else {
                Files.copy(p, t);
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
    return to;
  }
}
