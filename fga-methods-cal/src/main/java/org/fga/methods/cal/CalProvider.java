package org.fga.methods.cal;

import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.method.Method;
import org.fga.core.method.MethodProvider;

/** Registers {@code cal}. */
public final class CalProvider implements MethodProvider<CalConfig> {
  @Override
  public String description() {
    return "Counterfactual Attention Learning (ICCV 2021): WS-DAN + counterfactual effect loss";
  }

  @Override
  public CalConfig defaultConfig() {
    return CalConfig.defaults();
  }

  @Override
  public Method create(CalConfig config, Backbone backbone, DatasetInfo data) {
    return new CalMethod(config.settings(), backbone, data);
  }
}
