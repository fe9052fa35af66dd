package org.fga.core.probe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.fga.core.rundir.JsonLinesLog;

/**
 * {@code probe/probe.jsonl}: one line per probe epoch (epoch, step, loss, lr, train and test top-1).
 * On resume, lines past the checkpoint's epoch are dropped, so a resumed probe's log reads like an
 * uninterrupted one's.
 */
final class ProbeLog implements AutoCloseable {
  private final JsonLinesLog log;

  private ProbeLog(JsonLinesLog log) {
    this.log = log;
  }

  /** Opens the log for appending, first dropping every line of an epoch after {@code keepEpochs}. */
  static ProbeLog open(Path file, int keepEpochs) {
    return new ProbeLog(JsonLinesLog.open(file, "epoch", keepEpochs));
  }

  /** One finished epoch; {@code epoch} is 1-based. */
  void write(int epoch, long step, double loss, double lr, double trainTop1, double top1) {
    ObjectNode n = log.line();
    n.put("epoch", epoch);
    n.put("step", step);
    n.put("loss", loss);
    n.put("lr", lr);
    n.put("trainTop1", trainTop1);
    n.put("top1", top1);
    log.write(n);
  }

  @Override
  public void close() {
    log.close();
  }
}
