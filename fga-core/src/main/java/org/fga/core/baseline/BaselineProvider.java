package org.fga.core.baseline;

import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.method.Method;
import org.fga.core.method.MethodProvider;

/** Registers {@code baseline}. */
public final class BaselineProvider implements MethodProvider<BaselineConfig> {
  @Override
  public String description() {
    return "backbone -> GAP -> linear; CAM as attention (reference row)";
  }

  @Override
  public BaselineConfig defaultConfig() {
    return BaselineConfig.defaults();
  }

  @Override
  public Method create(BaselineConfig config, Backbone backbone, DatasetInfo data) {
    return new BaselineMethod(config, backbone, data);
  }
}
