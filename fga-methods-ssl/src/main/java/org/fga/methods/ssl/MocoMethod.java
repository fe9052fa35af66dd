package org.fga.methods.ssl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fga.backbones.nn.NoGrad;
import org.fga.core.backbone.Backbone;
import org.fga.core.method.Batch;
import org.fga.core.method.Losses;
import org.fga.core.method.StepContext;
import org.fga.core.nn.FeatureGradient;
import org.fga.core.ssl.KeyQueue;
import org.fga.core.ssl.SslLosses;

/**
 * MoCo v2, and LCR on MoCo v2 (GANPerf/LCR {@code moco/builder.py:216-291}, {@code
 * main_moco.py:356-364}): queries from the online encoder on view 1, keys from the EMA key encoder
 * on view 2, InfoNCE against the queue; after the step the key encoder moves and the keys enter
 * the queue. With LCR the Grad-CAM of the InfoNCE loss at the query's last stage is the target of
 * the branch's map.
 */
final class MocoMethod extends SslMethod {
  private final MocoSettings settings;
  private NDManager queueManager;
  private KeyQueue queue;
  private NDArray pendingKeys;

  MocoMethod(String name, MocoSettings settings, Backbone backbone, SslNetwork net) {
    super(name, backbone, net, settings.rationale());
    this.settings = settings;
  }

  /** The queue, made on first use in the device of the parameters (the block is initialised by then). */
  KeyQueue queue() {
    if (queue == null) {
      NDArray any = net.getParameters().valueAt(0).getArray();
      queueManager = NDManager.newBaseManager(any.getDevice());
      queue = new KeyQueue(queueManager, settings.queueSize(), settings.dim());
    }
    return queue;
  }

  @Override
  public Losses trainStep(StepContext ctx, Batch batch) {
    ParameterStore ps = ctx.parameters();
    NDArray xq = batch.view(0, name);
    NDArray xk = batch.view(1, name);
    syncTargetAtStart(ctx);
    KeyQueue negatives = queue();
    // results of operations on the queue attach to its manager: lend it to the step's
    negatives.keys().tempAttach(ctx.manager());
    Encoder online = net.online();
    NDArray f = online.features(ps, xq, true);
    FeatureGradient tap = rationale == null ? null : FeatureGradient.at(f);
    NDArray q = SslLosses.normalize(online.project(ps, tap == null ? f : tap.view(), true));
    NDArray[] keys = new NDArray[1];
    NoGrad.run(() -> {
      Encoder t = net.target();
      keys[0] = SslLosses.normalize(t.project(ps, t.features(ps, xk, true), true)).stopGradient();
    });
    NDArray loss = SslLosses.infoNce(q, keys[0], negatives.keys(), settings.temperature());
    pendingKeys = keys[0];
    Map<String, NDArray> terms = new LinkedHashMap<>();
    terms.put("infonce", loss);
    if (rationale == null) {
      return new Losses(loss, terms);
    }
    RationaleTerms r = rationaleTerms(ps, tap, f, loss);
    terms.put("fit", r.fit());
    return new Losses(loss.add(r.fit()).add(r.reconnect()), terms);
  }

  @Override
  public void afterStep(StepContext ctx) {
    emaUpdate(settings.momentum());
    if (pendingKeys != null) {
      // the keys are still lent to this step's manager (trainStep), which is open until after this call
      queue().enqueue(pendingKeys);
      pendingKeys = null;
    }
  }

  @Override
  public Map<String, NDArray> state() {
    return queue().state("queue.");
  }
}
