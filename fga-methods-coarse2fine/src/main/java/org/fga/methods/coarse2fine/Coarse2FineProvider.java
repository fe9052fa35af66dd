package org.fga.methods.coarse2fine;

import org.fga.backbones.TorchBackbone;
import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.error.FgaUserException;
import org.fga.core.method.Method;
import org.fga.core.method.MethodProvider;

/** Registers {@code coarse2fine}. */
public final class Coarse2FineProvider implements MethodProvider<Coarse2FineConfig> {
  @Override
  public String description() {
    return "Coarse2Fine (arXiv 1909.02680): attention, learned inverse mapping to a zoomed region, two stages";
  }

  @Override
  public Coarse2FineConfig defaultConfig() {
    return Coarse2FineConfig.defaults();
  }

  @Override
  public Method create(Coarse2FineConfig c, Backbone backbone, DatasetInfo data) {
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
