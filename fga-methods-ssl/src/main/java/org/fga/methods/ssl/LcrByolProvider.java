package org.fga.methods.ssl;

import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.method.Method;
import org.fga.core.method.MethodProvider;

/** Registers {@code lcr-byol}. */
public final class LcrByolProvider implements MethodProvider<LcrByolConfig> {
  @Override
  public String description() {
    return "LCR on BYOL (CVPR 2023): BYOL plus a branch fitted to the Grad-CAM of the BYOL loss";
  }

  @Override
  public LcrByolConfig defaultConfig() {
    return LcrByolConfig.defaults();
  }

  @Override
  public Method create(LcrByolConfig config, Backbone backbone, DatasetInfo data) {
    ByolSettings s = config.settings();
    return new ByolMethod(name(), s, backbone, Networks.byol(s, backbone, Networks.twinOf(backbone, name())));
  }
}
