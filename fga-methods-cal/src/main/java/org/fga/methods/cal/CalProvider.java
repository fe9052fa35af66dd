package org.fga.methods.cal;

import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.method.Method;
import org.fga.core.method.MethodConfig;
import org.fga.core.method.MethodProvider;

/** Registers {@code cal}. */
public final class CalProvider implements MethodProvider {
  @Override
  public String name() {
    return "cal";
  }

  @Override
  public String description() {
    return "Counterfactual Attention Learning (ICCV 2021): WS-DAN + counterfactual effect loss";
  }

  @Override
  public Class<? extends MethodConfig> configType() {
    return CalConfig.class;
  }

  @Override
  public MethodConfig defaultConfig() {
    return CalConfig.defaults();
  }

  @Override
  public Method create(MethodConfig config, Backbone backbone, DatasetInfo data) {
    return new CalMethod(((CalConfig) config).settings(), backbone, data);
  }
}
