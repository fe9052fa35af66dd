package org.fga.methods.cal;

import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.method.Method;
import org.fga.core.method.MethodProvider;

/** Registers {@code cal-reid}. */
public final class CalReidProvider implements MethodProvider<CalReidConfig> {
  @Override
  public String description() {
    return "CAL for re-ID: BAP -> linear -> BN neck -> classifier; CE + triplet + effect CE";
  }

  @Override
  public CalReidConfig defaultConfig() {
    return CalReidConfig.defaults();
  }

  @Override
  public Method create(CalReidConfig config, Backbone backbone, DatasetInfo data) {
    return new CalReidMethod(config, backbone, data);
  }
}
