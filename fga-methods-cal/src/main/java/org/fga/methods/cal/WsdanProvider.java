package org.fga.methods.cal;

import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.method.Method;
import org.fga.core.method.MethodProvider;

/** Registers {@code wsdan}: CAL's network and augmentation without the counterfactual term. */
public final class WsdanProvider implements MethodProvider<WsdanConfig> {
  @Override
  public String description() {
    return "WS-DAN: bilinear attention pooling, attention crop/drop, centre loss (CAL without effect)";
  }

  @Override
  public WsdanConfig defaultConfig() {
    return WsdanConfig.defaults();
  }

  @Override
  public Method create(WsdanConfig config, Backbone backbone, DatasetInfo data) {
    return new CalMethod(config.settings(), backbone, data);
  }
}
