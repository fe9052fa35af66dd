package org.fga.core.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.fga.core.rundir.JsonLinesLog;

/**
 * {@code train.jsonl}: one JSON object per logged step (epoch, step, loss terms, lr, images/s).
 * On resume, lines past the checkpoint's step are dropped, so the log of a resumed run reads like
 * that of an uninterrupted one.
 */
public final class TrainLog implements AutoCloseable {
  private final JsonLinesLog log;

  private TrainLog(JsonLinesLog log) {
    this.log = log;
  }

  /** Opens the log for appending, first dropping every line with {@code step > keepUpTo}. */
  public static TrainLog open(Path file, long keepUpTo) {
    return new TrainLog(JsonLinesLog.open(file, "step", keepUpTo));
  }

  public void write(int epoch, long step, Map<String, Float> terms, double lr, double imagesPerSec) {
    ObjectNode n = log.line();
    n.put("epoch", epoch);
    n.put("step", step);
    terms.forEach(n::put);
    n.put("lr", lr);
    n.put("imagesPerSec", Math.round(imagesPerSec * 10) / 10.0);
    log.write(n);
  }

  @Override
  public void close() {
    log.close();
  }
}
