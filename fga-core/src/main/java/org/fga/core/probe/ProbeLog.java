package org.fga.core.probe;

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
 * {@code probe/probe.jsonl}: one line per probe epoch (epoch, step, loss, lr, train and test top-1).
 * On resume, lines past the checkpoint's epoch are dropped, so a resumed probe's log reads like an
 * uninterrupted one's.
 */
final class ProbeLog implements AutoCloseable {
  private static final ObjectMapper JSON = Mappers.json();
  private final BufferedWriter out;

  private ProbeLog(BufferedWriter out) {
    this.out = out;
  }

  /** Opens the log for appending, first dropping every line of an epoch after {@code keepEpochs}. */
  static ProbeLog open(Path file, int keepEpochs) {
    try {
      if (Files.exists(file)) {
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          try {
            if (!line.isBlank() && JSON.readTree(line).path("epoch").asInt(Integer.MAX_VALUE) <= keepEpochs) {
              kept.add(line);
            }
          } catch (IOException torn) {
            // the last line of a killed probe may be cut short: drop it
          }
        }
        org.fga.core.rundir.RunDir.writeAtomically(file, kept.isEmpty() ? "" : String.join("\n", kept) + "\n");
      }
      return new ProbeLog(
          Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file, e);
    }
  }

  /** One finished epoch; {@code epoch} is 1-based. */
  void write(int epoch, long step, double loss, double lr, double trainTop1, double top1) {
    ObjectNode n = JSON.createObjectNode();
    n.put("epoch", epoch);
    n.put("step", step);
    n.put("loss", loss);
    n.put("lr", lr);
    n.put("trainTop1", trainTop1);
    n.put("top1", top1);
    try {
      out.write(JSON.writeValueAsString(n));
      out.newLine();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write probe.jsonl", e);
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
