package org.fga.methods.ssl;

import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.method.Method;
import org.fga.core.method.MethodProvider;

/** Registers {@code byol}. */
public final class ByolProvider implements MethodProvider<ByolConfig> {
  @Override
  public String description() {
    return "BYOL (Grill et al. 2020) as LCR's code runs it: EMA target, predictor, symmetric negative cosine";
  }

  @Override
  public ByolConfig defaultConfig() {
    return ByolConfig.defaults();
  }

  @Override
  public Method create(ByolConfig config, Backbone backbone, DatasetInfo data) {
    ByolSettings s = config.settings();
    return new ByolMethod(name(), s, backbone, Networks.byol(s, backbone, Networks.twinOf(backbone, name())));
  }
}
