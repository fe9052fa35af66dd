package org.fga.methods.ssl;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.fga.core.backbone.Backbone;
import org.fga.core.method.Batch;
import org.fga.core.method.Method;
import org.fga.core.method.Outputs;
import org.fga.core.method.StepContext;
import org.fga.core.nn.FeatureGradient;
import org.fga.core.nn.LossGradCam;
import org.fga.core.nn.Pooling;
import org.fga.core.nn.Scalars;
import org.fga.core.ssl.Ema;
import org.fga.core.ssl.SslLosses;

/**
 * What BYOL and MoCo v2, with or without LCR, share: the network with its EMA target, the
 * rationale term, and the evaluation feature.
 */
abstract class SslMethod implements Method {
  protected final String name;
  protected final Backbone backbone;
  protected final SslNetwork net;
  protected final Rationale rationale;
  /** Whether the target was set to the online weights (done before the first step). */
  private boolean synced;
  /** LCR's pieces of the latest training step (arrays of that step's manager), for tests. */
  private RationaleTerms lastRationale;

  SslMethod(String name, Backbone backbone, SslNetwork net, Rationale rationale) {
    this.name = name;
    this.backbone = backbone;
    this.net = net;
    this.rationale = rationale;
  }

  @Override
  public Block block() {
    return net;
  }

  @Override
  public Backbone backbone() {
    return backbone;
  }

  SslNetwork network() {
    return net;
  }

  /**
   * The target starts as a copy of the online encoder ({@code copy.deepcopy} in BYOL, {@code
   * param_k.data.copy_(param_q.data)} in MoCo), after any pretrained weights were loaded, so at the
   * first step of a run; a resumed run reads its target from the checkpoint.
   */
  protected final void syncTargetAtStart(StepContext ctx) {
    if (!synced && ctx.step() == 0) {
      Ema.copy(net.onlineParameters(), net.targetParameters());
    }
    synced = true;
  }

  /** {@code θ_t ← τ·θ_t + (1 − τ)·θ_o}. */
  protected final void emaUpdate(double tau) {
    Ema.update(net.onlineParameters(), net.targetParameters(), tau);
  }

  /**
   * LCR's extra terms, given the SSL loss's part that depends on the view-1 features only through
   * {@code tap.view()}: the fitting loss {@code w·KL(gc ‖ att)} plus the zero-valued term that sends
   * that part's gradient back into the backbone (see {@link FeatureGradient}).
   *
   */
  protected final RationaleTerms rationaleTerms(
      ParameterStore ps, FeatureGradient tap, NDArray features, NDArray part) {
    NDArray g = tap.gradientOf(part, net);
    NDArray gradCam = LossGradCam.map(features, g);
    NDArray att = net.branch().map(ps, features, true);
    NDArray fit = Scalars.mul(RationaleFit.loss(gradCam, att, rationale.form(), rationale.temperature()), rationale.weight());
    lastRationale = new RationaleTerms(gradCam, att, fit, tap.reconnect(g));
    return lastRationale;
  }

  RationaleTerms lastRationale() {
    return lastRationale;
  }

  @Override
  public Outputs infer(StepContext ctx, Batch batch) {
    return new Outputs(null, features(ctx, batch));
  }

  /**
   * Plain bases: the pooled backbone feature (what the reference's kNN monitor and linear probe
   * read). LCR: the layer-4 map weighted by the branch's map, average-pooled, L2-normalised
   * ({@code models/byol.py:158-187}, {@code moco/builder.py:293-318}); the branch's min–max runs
   * over the evaluated batch, as in the reference.
   */
  @Override
  public NDArray features(StepContext ctx, Batch batch) {
    NDArray f = net.online().features(ctx.parameters(), batch.images(), false);
    if (rationale == null) {
      return Pooling.gap(f);
    }
    NDArray att = net.branch().map(ctx.parameters(), f, false);
    NDArray weighted = f.mul(att.expandDims(1));
    return SslLosses.normalize(Pooling.gap(weighted));
  }

  /**
   * LCR: the branch's map (its common rationale). Plain bases: the channel mean of the last stage,
   * the only class-free map they have. Not class-specific: {@code classes} is ignored.
   */
  @Override
  public NDArray attention(StepContext ctx, Batch batch, NDArray classes) {
    NDArray f = net.online().features(ctx.parameters(), batch.images(), false);
    if (rationale == null) {
      return f.mean(new int[] {1});
    }
    return net.branch().map(ctx.parameters(), f, false);
  }
}
