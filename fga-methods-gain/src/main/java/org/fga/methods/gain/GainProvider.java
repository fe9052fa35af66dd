package org.fga.methods.gain;

import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.method.Method;
import org.fga.core.method.MethodProvider;

/** Registers {@code gain}: self-guided GAIN. */
public final class GainProvider implements MethodProvider<GainConfig> {
  @Override
  public String description() {
    return "GAIN: in-step Grad-CAM, soft-mask erasing, attention-mining loss (CVPR 2018)";
  }

  @Override
  public GainConfig defaultConfig() {
    return GainConfig.defaults();
  }

  @Override
  public Method create(GainConfig config, Backbone backbone, DatasetInfo data) {
    return new GainMethod(config.settings(), backbone, data);
  }
}
