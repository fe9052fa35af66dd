package org.fga.methods.coarse2fine;

import org.fga.backbones.TorchBackbone;
import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.error.FgaUserException;
import org.fga.core.method.Method;
import org.fga.core.method.MethodConfig;
import org.fga.core.method.MethodProvider;

/** Registers {@code coarse2fine}. */
public final class Coarse2FineProvider implements MethodProvider {
  @Override
  public String name() {
    return "coarse2fine";
  }

  @Override
  public String description() {
    return "Coarse2Fine (arXiv 1909.02680): attention, learned inverse mapping to a zoomed region, two stages";
  }

  @Override
  public Class<? extends MethodConfig> configType() {
    return Coarse2FineConfig.class;
  }

  @Override
  public MethodConfig defaultConfig() {
    return Coarse2FineConfig.defaults();
  }

  @Override
  public Method create(MethodConfig config, Backbone backbone, DatasetInfo data) {
    Coarse2FineConfig c = (Coarse2FineConfig) config;
    Backbone fine = null;
    if (!c.shareBackbone()) {
      if (!(backbone instanceof TorchBackbone torch)) {
        throw new FgaUserException("method.shareBackbone: false needs a backbone that can build a copy of itself;"
            + " backbone " + backbone.cfg().arch() + " cannot");
      }
      fine = torch.twin();
    }
    return new Coarse2FineMethod(c, backbone, fine, data);
  }
}
