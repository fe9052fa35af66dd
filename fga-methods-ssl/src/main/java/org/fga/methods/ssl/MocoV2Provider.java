package org.fga.methods.ssl;

import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.method.Method;
import org.fga.core.method.MethodProvider;

/** Registers {@code mocov2}. */
public final class MocoV2Provider implements MethodProvider<MocoV2Config> {
  @Override
  public String description() {
    return "MoCo v2 (Chen et al. 2020): EMA key encoder, queue of negatives, InfoNCE";
  }

  @Override
  public MocoV2Config defaultConfig() {
    return MocoV2Config.defaults();
  }

  @Override
  public Method create(MocoV2Config config, Backbone backbone, DatasetInfo data) {
    MocoSettings s = config.settings();
    return new MocoMethod(name(), s, backbone, Networks.moco(s, backbone, Networks.twinOf(backbone, name())));
  }
}
