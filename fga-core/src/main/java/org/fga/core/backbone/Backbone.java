package org.fga.core.backbone;

import ai.djl.nn.Block;
import java.util.List;

/**
 * A built backbone. {@link #block()} maps {@code NDList(images)} (B×3×H×W, normalised) to an
 * {@code NDList} holding one feature map per entry of {@link BackboneCfg#stages()}, in order.
 */
public interface Backbone {
  Block block();

  BackboneCfg cfg();

  default List<FeatureTap> taps() {
    return cfg().stages();
  }

  /**
   * Loads the pretrained weights named in the spec, if any. Called once after the whole model was
   * initialised, so parameter shapes are known.
   */
  void loadPretrained();
}
