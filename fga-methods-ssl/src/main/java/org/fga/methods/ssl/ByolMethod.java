package org.fga.methods.ssl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fga.backbones.nn.NoGrad;
import org.fga.core.backbone.Backbone;
import org.fga.core.method.Batch;
import org.fga.core.method.Losses;
import org.fga.core.method.StepContext;
import org.fga.core.nn.FeatureGradient;
import org.fga.core.nn.Scalars;
import org.fga.core.ssl.SslLosses;

/**
 * BYOL, and LCR on BYOL (GANPerf/LCR {@code models/byol.py:101-154}, {@code main.py:82-98}):
 * online encoder and predictor on both views, the EMA target on both views without gradient,
 * {@code L = D(p1, z2_t)/2 + D(p2, z1_t)/2}. With LCR, the Grad-CAM of L at view 1's last stage
 * ({@code ReLU(Σ_c F1 ⊙ ∂L/∂F1)}) is the target of the branch's map: {@code L + w·KL}.
 */
final class ByolMethod extends SslMethod {
  private final ByolSettings settings;

  ByolMethod(String name, ByolSettings settings, Backbone backbone, SslNetwork net) {
    super(name, backbone, net, settings.rationale());
    this.settings = settings;
  }

  @Override
  public Losses trainStep(StepContext ctx, Batch batch) {
    ParameterStore ps = ctx.parameters();
    NDArray x1 = batch.view(0, name);
    NDArray x2 = batch.view(1, name);
    syncTargetAtStart(ctx);
    Encoder online = net.online();
    NDArray f1 = online.features(ps, x1, true);
    NDArray f2 = online.features(ps, x2, true);
    FeatureGradient tap = rationale == null ? null : FeatureGradient.at(f1);
    NDArray z1 = online.project(ps, tap == null ? f1 : tap.view(), true);
    NDArray z2 = online.project(ps, f2, true);
    NDArray p1 = predict(ps, z1);
    NDArray p2 = predict(ps, z2);
    NDArray[] targets = new NDArray[2];
    NoGrad.run(() -> {
      Encoder t = net.target();
      targets[0] = t.project(ps, t.features(ps, x1, true), true).stopGradient();
      targets[1] = t.project(ps, t.features(ps, x2, true), true).stopGradient();
    });
    // L depends on view 1's features only through D(p1, z2_t): its gradient at F1 is that term's
    NDArray part1 = Scalars.div(SslLosses.negativeCosine(p1, targets[1]), 2);
    NDArray part2 = Scalars.div(SslLosses.negativeCosine(p2, targets[0]), 2);
    NDArray ssl = part1.add(part2);
    Map<String, NDArray> terms = new LinkedHashMap<>();
    terms.put("byol", ssl);
    if (rationale == null) {
      return new Losses(ssl, terms);
    }
    RationaleTerms r = rationaleTerms(ps, tap, f1, part1);
    terms.put("fit", r.fit());
    return new Losses(ssl.add(r.fit()).add(r.reconnect()), terms);
  }

  private NDArray predict(ParameterStore ps, NDArray z) {
    return net.predictor().forward(ps, new NDList(z), true).singletonOrThrow();
  }

  @Override
  public void afterStep(StepContext ctx) {
    emaUpdate(settings.tau());
  }
}
