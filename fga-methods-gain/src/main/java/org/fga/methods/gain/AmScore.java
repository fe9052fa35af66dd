package org.fga.methods.gain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The class score {@code s_c(I*)} that {@code L_am} pays for. The paper says "prediction score" and
 * does not say which; the ports differ.
 */
public enum AmScore {
  /**
   * Softmax probability over all classes, for single- and multi-label data alike: {@code
   * ilyak93/GAIN-pytorch} ({@code main_GAIN_VOC.py:168}, {@code
   * main_VOC_multilabel_heatmaps_singlebatch.py:158}). The default.
   */
  SOFTMAX("softmax"),
  /** Per-class sigmoid: {@code AustinDoolittle/Pytorch-Gain} ({@code gain.py}, "Eq 5"). */
  SIGMOID("sigmoid");

  private final String key;

  AmScore(String key) {
    this.key = key;
  }

  @JsonValue
  public String key() {
    return key;
  }

  @JsonCreator
  public static AmScore of(String key) {
    return ConfigKeys.parse(values(), AmScore::key, key, "method.amScore");
  }
}
