package org.fga.bench.cli.backbone;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes TorchScript traces of torchvision's classifiers with the system's python3-torch, into a
 * temporary directory. Absent python or torch is not an error: {@link #skipReason()} says why.
 */
final class TorchScriptModels {
  private final Path dir;
  private final String torchVersion;
  private final String skipReason;

  private TorchScriptModels(Path dir, String torchVersion, String skipReason) {
    this.dir = dir;
    this.torchVersion = torchVersion;
    this.skipReason = skipReason;
  }

  /** Traces {@code archs} with {@code python}; never throws for a missing python or torch. */
  static TorchScriptModels trace(String python, List<String> archs, Path dir) throws IOException {
    Path script = dir.resolve("trace_torchvision.py");
    try (InputStream in = TorchScriptModels.class.getResourceAsStream("trace_torchvision.py")) {
      Files.copy(in, script);
    }
    List<String> cmd = new ArrayList<>(List.of(python, script.toString(), dir.toString()));
    cmd.addAll(archs);
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      return new TorchScriptModels(dir, null, python + " cannot run: " + e.getMessage());
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    try {
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        return new TorchScriptModels(dir, null, "tracing timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      return new TorchScriptModels(dir, null, "interrupted");
    }
    if (p.exitValue() != 0) {
      String last = output.lines().reduce((a, b) -> b).orElse("");
      String reason =
          output.contains("No module named 'torch")
              ? "python3-torch / python3-torchvision are not installed (apt-get install python3-torch python3-torchvision)"
              : "tracing failed: " + last;
      return new TorchScriptModels(dir, null, reason);
    }
    String version = output.lines().reduce((a, b) -> b).orElse("?");
    return new TorchScriptModels(dir, version, null);
  }

  boolean available() {
    return skipReason == null;
  }

  String skipReason() {
    return skipReason;
  }

  String torchVersion() {
    return torchVersion;
  }

  Path dir() {
    return dir;
  }

  /** The model name of the trace of {@code arch} in {@code eval} or {@code train} mode. */
  static String name(String arch, boolean train) {
    return arch + (train ? "_train" : "_eval");
  }
}
