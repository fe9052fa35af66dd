package org.fga.methods.rfga;

import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.method.Method;
import org.fga.core.method.MethodProvider;

/** Registers {@code rfga}. */
public final class RfgaProvider implements MethodProvider<RfgaConfig> {
  @Override
  public String description() {
    return "residual fine-grained (triple-view) attention before a 1x1-conv classifier; class map as CAM";
  }

  @Override
  public RfgaConfig defaultConfig() {
    return RfgaConfig.defaults();
  }

  @Override
  public Method create(RfgaConfig c, Backbone backbone, DatasetInfo data) {
    return new ClassMapMethod(backbone, data, c.tap(), c.kernel(), CamNormalization.of(c.camNormalization()));
  }
}
