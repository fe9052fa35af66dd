package org.fga.methods.rfga;

import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.method.Method;
import org.fga.core.method.MethodProvider;

/** Registers {@code cam}: RFGA's network without the module. */
public final class CamProvider implements MethodProvider<CamConfig> {
  @Override
  public String description() {
    return "1x1-conv classifier -> GAP, class map as CAM (RFGA without its module)";
  }

  @Override
  public CamConfig defaultConfig() {
    return CamConfig.defaults();
  }

  @Override
  public Method create(CamConfig c, Backbone backbone, DatasetInfo data) {
    return new ClassMapMethod(backbone, data, c.tap(), null, CamNormalization.of(c.camNormalization()), c.linearInit());
  }
}
