package org.fga.methods.ssl;

import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.method.Method;
import org.fga.core.method.MethodConfig;
import org.fga.core.method.MethodProvider;

/** Registers {@code mocov2}. */
public final class MocoV2Provider implements MethodProvider {
  @Override
  public String name() {
    return "mocov2";
  }

  @Override
  public String description() {
    return "MoCo v2 (Chen et al. 2020): EMA key encoder, queue of negatives, InfoNCE";
  }

  @Override
  public Class<? extends MethodConfig> configType() {
    return MocoV2Config.class;
  }

  @Override
  public MethodConfig defaultConfig() {
    return MocoV2Config.defaults();
  }

  @Override
  public Method create(MethodConfig config, Backbone backbone, DatasetInfo data) {
    MocoSettings s = ((MocoV2Config) config).settings();
    return new MocoMethod(name(), s, backbone, Networks.moco(s, backbone, Networks.twinOf(backbone, name())));
  }
}
