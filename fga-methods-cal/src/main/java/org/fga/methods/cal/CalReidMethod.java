package org.fga.methods.cal;

import ai.djl.ndarray.NDArray;
import org.fga.core.nn.Scalars;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.method.Batch;
import org.fga.core.method.Losses;
import org.fga.core.method.Method;
import org.fga.core.method.Outputs;
import org.fga.core.method.StepContext;
import org.fga.core.nn.LossFunctions;

/**
 * CAL for re-identification: {@code L = CE_ε(scores) + w_tri·triplet(global) + w_eff·CE_ε(scores −
 * scores_cf)}, where {@code scores_cf} runs the counterfactual BAP feature through the same
 * linear, neck and classifier. At test the embedding is the neck feature of the image and of its
 * mirror, averaged and L2-normalised.
 */
public final class CalReidMethod implements Method {
  private final Backbone backbone;
  private final ReidBapNetwork net;
  private final CalReidConfig c;

  public CalReidMethod(CalReidConfig config, Backbone backbone, DatasetInfo data) {
    this.c = config;
    this.backbone = backbone;
    var cfg = backbone.cfg();
    int tap = config.tap() == null ? cfg.stages().size() - 1 : cfg.indexOf(config.tap());
    this.net = new ReidBapNetwork(backbone.block(), tap, cfg.stages().get(tap).channels(),
        config.attentionMaps(), config.embeddingDim(), data.numClasses());
  }

  @Override
  public Block block() {
    return net;
  }

  @Override
  public Backbone backbone() {
    return backbone;
  }

  @Override
  public Losses trainStep(StepContext ctx, Batch batch) {
    ParameterStore ps = ctx.parameters();
    NDArray y = batch.labels();
    NDList out = net.forward(ps, new NDList(batch.images()), true);
    Map<String, NDArray> terms = new LinkedHashMap<>();
    terms.put("id", LossFunctions.crossEntropy(out.get(0), y, c.labelSmoothing()));
    if (c.tripletWeight() > 0) {
      terms.put("triplet", Scalars.mul(TripletLoss.batchHard(out.get(1), y, c.tripletMargin()), c.tripletWeight()));
    }
    if (c.effectWeight() > 0) {
      NDArray cfMaps = Counterfactual.maps(ctx.manager(), out.get(3).getShape(), true, ctx.random());
      NDArray cfScores = net.head(ps, Bap.feature(out.get(4), cfMaps), true).get(0);
      terms.put("effect",
          Scalars.mul(LossFunctions.crossEntropy(out.get(0).sub(cfScores), y, c.labelSmoothing()), c.effectWeight()));
    }
    return new Losses(Scalars.total(terms), terms);
  }

  @Override
  public Outputs infer(StepContext ctx, Batch batch) {
    ParameterStore ps = ctx.parameters();
    NDList out = net.forward(ps, new NDList(batch.images()), false);
    NDArray emb = out.get(2);
    if (c.flipTest()) {
      emb = emb.add(net.forward(ps, new NDList(batch.images().flip(3)), false).get(2)).div(2);
    }
    return new Outputs(out.get(0), Bap.l2Normalize(emb));
  }

  /** The mean of the M attention maps, B×h×w. */
  @Override
  public NDArray attention(StepContext ctx, Batch batch, NDArray classes) {
    return net.forward(ctx.parameters(), new NDList(batch.images()), false).get(3).mean(new int[] {1});
  }
}
