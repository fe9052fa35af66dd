package org.fga.core.rundir;

import org.fga.core.io.TempFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code runs/<name>/}: {@code spec.resolved.yaml}, {@code origin.json} (the file and {@code -o}
 * overrides the spec came from, when there were overrides), {@code train.jsonl}, {@code
 * eval-epochs.jsonl} (with {@code eval.everyEpoch}), {@code checkpoints/},
 * {@code metrics.json}, {@code attention/}, {@code report.html}. Every file is written through a
 * temporary file and a rename, so a killed run never leaves a half-written file behind.
 */
public final class RunDir {
  private final Path root;

  public RunDir(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public Path spec() {
    return root.resolve("spec.resolved.yaml");
  }

  public Path origin() {
    return root.resolve("origin.json");
  }

  public Path trainLog() {
    return root.resolve("train.jsonl");
  }

  /** One line per epoch's evaluation, when the spec asks for {@code eval.everyEpoch}. */
  public Path epochEvals() {
    return root.resolve("eval-epochs.jsonl");
  }

  public Path checkpoints() {
    return root.resolve("checkpoints");
  }

  public Path metrics() {
    return root.resolve("metrics.json");
  }

  public Path attention() {
    return root.resolve("attention");
  }

  public Path report() {
    return root.resolve("report.html");
  }

  public void create() {
    try {
      Files.createDirectories(checkpoints());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create run directory " + root, e);
    }
  }

  /** Writes {@code text} to {@code file} atomically (temporary file, then rename). */
  public static void writeAtomically(Path file, String text) {
    writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code bytes} to {@code file} atomically (temporary file, then rename). */
  public static void writeAtomically(Path file, byte[] bytes) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = tempBeside(file);
      Files.write(tmp, bytes);
      moveAtomically(tmp, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Refuses, naming the first one there, if any of {@code files} exists: an output folder given on
   * the command line is never written over (it may hold the only copy of earlier results).
   */
  public static void requireAbsent(java.util.List<Path> files) {
    for (Path f : files) {
      if (Files.exists(f)) {
        throw new org.fga.core.error.FgaUserException(
            f + " exists; choose another --out or remove it (nothing already written is overwritten)");
      }
    }
  }

  /** Writes one whole file at the path it is given (an array writer, an encoder). */
  public interface FileWriter {
    void write(Path file) throws IOException;
  }

  /**
   * Lets {@code writer} write a temporary file beside {@code file}, then renames it onto {@code
   * file}: a reader never sees half a file, and a failed write leaves nothing behind.
   */
  public static void writeAtomically(Path file, FileWriter writer) throws IOException {
    Path tmp = tempBeside(file);
    try {
      writer.write(tmp);
      moveAtomically(tmp, file);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** A new empty file beside {@code file}, with the user's umask (see {@link TempFiles#beside}). */
  public static Path tempBeside(Path file) throws IOException {
    return TempFiles.beside(file);
  }

  /** Renames {@code from} onto {@code to}, atomically where the file system allows. */
  public static void moveAtomically(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
