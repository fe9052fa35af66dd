package org.fga.methods.gain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The classifier head on the Grad-CAM feature map. */
public enum HeadType {
  /** GAP → linear: Grad-CAM equals CAM here, so the closed form can replace the auxiliary backward. */
  GAP_LINEAR("gap-linear"),
  /** 3×3 conv → ReLU → GAP → linear: a non-linear head, Grad-CAM needs the auxiliary backward. */
  CONV_GAP_LINEAR("conv-gap-linear");

  private final String key;

  HeadType(String key) {
    this.key = key;
  }

  @JsonValue
  public String key() {
    return key;
  }

  @JsonCreator
  public static HeadType of(String key) {
    return ConfigKeys.parse(values(), HeadType::key, key, "method.head");
  }
}
