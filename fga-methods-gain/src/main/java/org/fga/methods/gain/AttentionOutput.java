package org.fga.methods.gain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What {@code attention()} returns to the evaluator. */
public enum AttentionOutput {
  /** The Grad-CAM (or CAM) map at feature resolution; the evaluator resizes and thresholds it. */
  MAP("map"),
  /**
   * The paper's localisation seeds: the map upsampled to the image, 1 where it exceeds {@code
   * seedThreshold}·max, else 0. Scored by {@code segmentation}, every threshold in (0, 1] then gives
   * the seed mask.
   */
  SEEDS("seeds");

  private final String key;

  AttentionOutput(String key) {
    this.key = key;
  }

  @JsonValue
  public String key() {
    return key;
  }

  @JsonCreator
  public static AttentionOutput of(String key) {
    return ConfigKeys.parse(values(), AttentionOutput::key, key, "method.attentionOutput");
  }
}
