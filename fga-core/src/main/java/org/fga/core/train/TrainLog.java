package org.fga.core.train;

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
import java.util.Map;
import org.fga.core.io.Mappers;

/**
 * {@code train.jsonl}: one JSON object per logged step (epoch, step, loss terms, lr, images/s).
 * On resume, lines past the checkpoint's step are dropped, so the log of a resumed run reads like
 * that of an uninterrupted one.
 */
public final class TrainLog implements AutoCloseable {
  private static final ObjectMapper JSON = Mappers.json();
  private final BufferedWriter out;

  private TrainLog(BufferedWriter out) {
    this.out = out;
  }

  /** Opens the log for appending, first dropping every line with {@code step > keepUpTo}. */
  public static TrainLog open(Path file, long keepUpTo) {
    try {
      if (Files.exists(file)) {
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (line.isBlank()) {
            continue;
          }
          try {
            if (JSON.readTree(line).path("step").asLong(Long.MAX_VALUE) <= keepUpTo) {
              kept.add(line);
            }
          } catch (IOException torn) {
            // the last line of a killed run may be cut short: drop it
          }
        }
        org.fga.core.rundir.RunDir.writeAtomically(
            file, kept.isEmpty() ? "" : String.join("\n", kept) + "\n");
      }
      return new TrainLog(
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file, e);
    }
  }

  public void write(int epoch, long step, Map<String, Float> terms, double lr, double imagesPerSec) {
    ObjectNode n = JSON.createObjectNode();
    n.put("epoch", epoch);
    n.put("step", step);
    terms.forEach(n::put);
    n.put("lr", lr);
    n.put("imagesPerSec", Math.round(imagesPerSec * 10) / 10.0);
    try {
      out.write(JSON.writeValueAsString(n));
      out.newLine();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write train.jsonl", e);
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
