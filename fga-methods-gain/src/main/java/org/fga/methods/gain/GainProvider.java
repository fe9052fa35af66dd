package org.fga.methods.gain;

import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.method.Method;
import org.fga.core.method.MethodConfig;
import org.fga.core.method.MethodProvider;

/** Registers {@code gain}: self-guided GAIN. */
public final class GainProvider implements MethodProvider {
  @Override
  public String name() {
    return "gain";
  }

  @Override
  public String description() {
    return "GAIN: in-step Grad-CAM, soft-mask erasing, attention-mining loss (CVPR 2018)";
  }

  @Override
  public Class<? extends MethodConfig> configType() {
    return GainConfig.class;
  }

  @Override
  public MethodConfig defaultConfig() {
    return GainConfig.defaults();
  }

  @Override
  public Method create(MethodConfig config, Backbone backbone, DatasetInfo data) {
    return new GainMethod(((GainConfig) config).settings(), backbone, data);
  }
}
