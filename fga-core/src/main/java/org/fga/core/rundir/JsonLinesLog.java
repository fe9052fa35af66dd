package org.fga.core.rundir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.fga.core.io.Mappers;

/**
 * A JSON-lines log of a resumable run ({@code train.jsonl}, {@code probe/probe.jsonl}): opened for
 * appending after dropping every line whose position (a step or an epoch) lies past the checkpoint
 * the run resumes from, and the torn last line a killed run may leave, so the log of a resumed run
 * reads like that of an uninterrupted one.
 */
public final class JsonLinesLog implements AutoCloseable {
  private static final ObjectMapper JSON = Mappers.json();
  private final Path file;
  private final BufferedWriter out;

  private JsonLinesLog(Path file, BufferedWriter out) {
    this.file = file;
    this.out = out;
  }

  /** Opens {@code file}, first keeping only the lines whose {@code key} is at most {@code keepUpTo}. */
  public static JsonLinesLog open(Path file, String key, long keepUpTo) {
    try {
      if (Files.exists(file)) {
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          try {
            if (!line.isBlank() && JSON.readTree(line).path(key).asLong(Long.MAX_VALUE) <= keepUpTo) {
              kept.add(line);
            }
          } catch (IOException torn) {
            // the last line of a killed run may be cut short: drop it
          }
        }
        RunDir.writeAtomically(file, kept.isEmpty() ? "" : String.join("\n", kept) + "\n");
      }
      return new JsonLinesLog(file,
          Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file, e);
    }
  }

  /**
   * Every line of {@code file} as JSON, in order; a line cut short (the last of a killed run) is
   * skipped, as {@link #open} drops it. A missing file has no lines.
   *
   * @throws UncheckedIOException when the file exists but cannot be read
   */
  public static List<JsonNode> read(Path file) {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<JsonNode> lines = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        try {
          if (!line.isBlank()) {
            lines.add(JSON.readTree(line));
          }
        } catch (IOException torn) {
          // cut short by a kill: what open() would drop
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return lines;
  }

  /** An empty line to fill and {@link #write}. */
  public ObjectNode line() {
    return JSON.createObjectNode();
  }

  /** Appends one line and flushes it, so a killed run loses at most the line being written. */
  public void write(ObjectNode line) {
    try {
      out.write(JSON.writeValueAsString(line));
      out.newLine();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
