package org.fga.bench.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident set size of this process, from {@code /proc/self/status} (Linux). */
public final class MemoryProbe {
  private MemoryProbe() {}

  /** VmRSS in MiB, or -1 where /proc is not available. */
  public static double residentMiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }
}
