package org.fga.methods.ssl;

import org.fga.backbones.TorchBackbone;
import org.fga.core.backbone.Backbone;
import org.fga.core.error.FgaUserException;

/** Builds the networks of the four methods around a backbone and its twin (the target's). */
final class Networks {
  private Networks() {}

  static TorchBackbone twinOf(Backbone backbone, String method) {
    if (!(backbone instanceof TorchBackbone torch)) {
      throw new FgaUserException(method + " needs a backbone that can build a copy of itself for its target network;"
          + " backbone " + backbone.cfg().arch() + " cannot");
    }
    return torch.twin();
  }

  static int channels(Backbone backbone) {
    var stages = backbone.cfg().stages();
    return stages.get(stages.size() - 1).channels();
  }

  static SslNetwork byol(ByolSettings s, Backbone backbone, Backbone targetBackbone) {
    int c = channels(backbone);
    Encoder online = new Encoder(backbone.block(), new Mlp(c, s.hidden(), s.projection(), true));
    Encoder target = new Encoder(targetBackbone.block(), new Mlp(c, s.hidden(), s.projection(), true));
    Mlp predictor = new Mlp(s.projection(), s.hidden(), s.projection(), true);
    RationaleBranch branch = s.rationale() == null ? null : new RationaleBranch(s.rationale().channels());
    return new SslNetwork(online, target, predictor, branch);
  }

  static SslNetwork moco(MocoSettings s, Backbone backbone, Backbone targetBackbone) {
    int c = channels(backbone);
    int hidden = s.hidden() == 0 ? c : s.hidden();
    Encoder online = new Encoder(backbone.block(), new Mlp(c, hidden, s.dim(), false));
    Encoder target = new Encoder(targetBackbone.block(), new Mlp(c, hidden, s.dim(), false));
    RationaleBranch branch = s.rationale() == null ? null : new RationaleBranch(s.rationale().channels());
    return new SslNetwork(online, target, null, branch);
  }
}
