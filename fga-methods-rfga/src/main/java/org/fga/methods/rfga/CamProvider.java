package org.fga.methods.rfga;

import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.method.Method;
import org.fga.core.method.MethodConfig;
import org.fga.core.method.MethodProvider;

/** Registers {@code cam}: RFGA's network without the module. */
public final class CamProvider implements MethodProvider {
  @Override
  public String name() {
    return "cam";
  }

  @Override
  public String description() {
    return "1x1-conv classifier -> GAP, class map as CAM (RFGA without its module)";
  }

  @Override
  public Class<? extends MethodConfig> configType() {
    return CamConfig.class;
  }

  @Override
  public MethodConfig defaultConfig() {
    return CamConfig.defaults();
  }

  @Override
  public Method create(MethodConfig config, Backbone backbone, DatasetInfo data) {
    CamConfig c = (CamConfig) config;
    return new ClassMapMethod(backbone, data, c.tap(), null, CamNormalization.of(c.camNormalization()));
  }
}
