package org.fga.core.probe;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a linear probe reports under {@code metrics.linearProbe} in {@code metrics.json}.
 *
 * @param report {@code last} or {@code best}: which of the two {@code top1} is
 * @param lastTop1 test top-1 accuracy after the last epoch
 * @param bestTop1 the best test top-1 accuracy over the epochs (chosen on the test set)
 * @param bestEpoch the 1-based epoch of {@code bestTop1} (the first, if several tie)
 * @param epochs epochs trained
 * @param checkpoint the checkpoint of the main phase whose features were probed
 * @param testImages the test images scored (fewer than the split with {@code dropLast})
 */
public record ProbeResult(String report, double lastTop1, double bestTop1, int bestEpoch, int epochs, String checkpoint,
    int testImages) {
  /** The reported accuracy. */
  public double top1() {
    return "best".equals(report) ? bestTop1 : lastTop1;
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("top1", top1());
    m.put("report", report);
    m.put("lastTop1", lastTop1);
    m.put("bestTop1", bestTop1);
    m.put("bestEpoch", bestEpoch);
    m.put("epochs", epochs);
    m.put("checkpoint", checkpoint);
    m.put("testImages", testImages);
    return m;
  }
}
