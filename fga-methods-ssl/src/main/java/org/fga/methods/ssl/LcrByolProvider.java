package org.fga.methods.ssl;

import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.method.Method;
import org.fga.core.method.MethodConfig;
import org.fga.core.method.MethodProvider;

/** Registers {@code lcr-byol}. */
public final class LcrByolProvider implements MethodProvider {
  @Override
  public String name() {
    return "lcr-byol";
  }

  @Override
  public String description() {
    return "LCR on BYOL (CVPR 2023): BYOL plus a branch fitted to the Grad-CAM of the BYOL loss";
  }

  @Override
  public Class<? extends MethodConfig> configType() {
    return LcrByolConfig.class;
  }

  @Override
  public MethodConfig defaultConfig() {
    return LcrByolConfig.defaults();
  }

  @Override
  public Method create(MethodConfig config, Backbone backbone, DatasetInfo data) {
    ByolSettings s = ((LcrByolConfig) config).settings();
    return new ByolMethod(name(), s, backbone, Networks.byol(s, backbone, Networks.twinOf(backbone, name())));
  }
}
