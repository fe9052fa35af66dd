package org.fga.methods.gain;

import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.method.Method;
import org.fga.core.method.MethodProvider;

/** Registers {@code gain-ext}: GAINext, GAIN plus mask supervision of the attention on a subset. */
public final class GainExtProvider implements MethodProvider<GainExtConfig> {
  @Override
  public String description() {
    return "GAINext: GAIN plus attention supervised by masks/boxes on a labelled subset (CVPR 2018)";
  }

  @Override
  public GainExtConfig defaultConfig() {
    return GainExtConfig.defaults();
  }

  @Override
  public Method create(GainExtConfig config, Backbone backbone, DatasetInfo data) {
    return new GainMethod(config.settings(), backbone, data);
  }
}
