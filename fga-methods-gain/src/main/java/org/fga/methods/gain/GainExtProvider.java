package org.fga.methods.gain;

import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.method.Method;
import org.fga.core.method.MethodConfig;
import org.fga.core.method.MethodProvider;

/** Registers {@code gain-ext}: GAINext, GAIN plus mask supervision of the attention on a subset. */
public final class GainExtProvider implements MethodProvider {
  @Override
  public String name() {
    return "gain-ext";
  }

  @Override
  public String description() {
    return "GAINext: GAIN plus attention supervised by masks/boxes on a labelled subset (CVPR 2018)";
  }

  @Override
  public Class<? extends MethodConfig> configType() {
    return GainExtConfig.class;
  }

  @Override
  public MethodConfig defaultConfig() {
    return GainExtConfig.defaults();
  }

  @Override
  public Method create(MethodConfig config, Backbone backbone, DatasetInfo data) {
    return new GainMethod(((GainExtConfig) config).settings(), backbone, data);
  }
}
