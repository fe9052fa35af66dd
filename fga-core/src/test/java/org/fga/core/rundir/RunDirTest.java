package org.fga.core.rundir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirTest {
  @Test
  void anAtomicWriteLeavesAFileOthersMayReadAndNoTemporaryFile(@TempDir Path dir) throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path plain = Files.writeString(dir.resolve("plain.txt"), "x"); // what the umask gives any file
    Path table = dir.resolve("table.md");
    RunDir.writeAtomically(table, "| a |\n");
    RunDir.writeAtomically(table, "| b |\n"); // a second write replaces the first
    assertThat(Files.readString(table)).isEqualTo("| b |\n");
    Set<PosixFilePermission> umask = Files.getPosixFilePermissions(plain);
    assertThat(Files.getPosixFilePermissions(table)).isEqualTo(umask);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("plain.txt", "table.md");
    }
  }
}
