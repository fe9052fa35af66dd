package org.fga.methods.cal;

import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.method.Method;
import org.fga.core.method.MethodConfig;
import org.fga.core.method.MethodProvider;

/** Registers {@code cal-reid}. */
public final class CalReidProvider implements MethodProvider {
  @Override
  public String name() {
    return "cal-reid";
  }

  @Override
  public String description() {
    return "CAL for re-ID: BAP -> linear -> BN neck -> classifier; CE + triplet + effect CE";
  }

  @Override
  public Class<? extends MethodConfig> configType() {
    return CalReidConfig.class;
  }

  @Override
  public MethodConfig defaultConfig() {
    return CalReidConfig.defaults();
  }

  @Override
  public Method create(MethodConfig config, Backbone backbone, DatasetInfo data) {
    return new CalReidMethod((CalReidConfig) config, backbone, data);
  }
}
