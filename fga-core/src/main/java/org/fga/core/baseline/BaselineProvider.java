package org.fga.core.baseline;

import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.method.Method;
import org.fga.core.method.MethodConfig;
import org.fga.core.method.MethodProvider;

/** Registers {@code baseline}. */
public final class BaselineProvider implements MethodProvider {
  @Override
  public String name() {
    return "baseline";
  }

  @Override
  public String description() {
    return "backbone -> GAP -> linear; CAM as attention (reference row)";
  }

  @Override
  public Class<? extends MethodConfig> configType() {
    return BaselineConfig.class;
  }

  @Override
  public MethodConfig defaultConfig() {
    return BaselineConfig.defaults();
  }

  @Override
  public Method create(MethodConfig config, Backbone backbone, DatasetInfo data) {
    return new BaselineMethod((BaselineConfig) config, backbone, data);
  }
}
