package org.fga.methods.ssl;

import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.method.Method;
import org.fga.core.method.MethodProvider;

/** Registers {@code lcr-mocov2}. */
public final class LcrMocoV2Provider implements MethodProvider<LcrMocoV2Config> {
  @Override
  public String description() {
    return "LCR on MoCo v2 (CVPR 2023): MoCo v2 plus a branch fitted to the Grad-CAM of InfoNCE";
  }

  @Override
  public LcrMocoV2Config defaultConfig() {
    return LcrMocoV2Config.defaults();
  }

  @Override
  public Method create(LcrMocoV2Config config, Backbone backbone, DatasetInfo data) {
    MocoSettings s = config.settings();
    return new MocoMethod(name(), s, backbone, Networks.moco(s, backbone, Networks.twinOf(backbone, name())));
  }
}
