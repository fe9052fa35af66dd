package org.fga.methods.cal;

import ai.djl.ndarray.NDArray;
import org.fga.core.nn.Scalars;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
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
 * linear, neck and classifier. At test the embedding is the classifier scores of the image and of
 * its mirror, summed and L2-normalised, as the reference evaluates (the neck feature optionally).
 */
public final class CalReidMethod implements Method {
  private final Backbone backbone;
  private final ReidBapNetwork net;
  private final CalReidConfig c;
  private Function<Random, Draws> draws = Draws::seeded;

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

  /** Test seam: counterfactual maps from {@code source} instead of the step's generator. */
  void useDraws(Function<Random, Draws> source) {
    this.draws = source;
  }

  /**
   * One step as reid/modeling/baseline.py:254-274 and layers/__init__.py:21. The counterfactual
   * batch runs through the neck even when {@code effectWeight} is 0, as in the reference (its
   * baseline row computes it too), so the neck's running statistics are the reference's.
   */
  @Override
  public Losses trainStep(StepContext ctx, Batch batch) {
    ParameterStore ps = ctx.parameters();
    NDArray y = batch.labels();
    NDList stem = net.stem(ps, batch.images(), true);
    NDArray features = stem.get(0);
    NDArray att = stem.get(1);
    NDArray cfMaps = draws.apply(ctx.random()).counterfactualMaps(ctx.manager(), att.getShape());
    NDList out = net.headPair(ps, Bap.feature(features, att, Bap.REID_SQRT_EPS),
        Bap.feature(features, cfMaps, Bap.REID_SQRT_EPS), true);
    Map<String, NDArray> terms = new LinkedHashMap<>();
    terms.put("id", LossFunctions.crossEntropy(out.get(0), y, c.labelSmoothing()));
    if (c.tripletWeight() > 0) {
      terms.put("triplet", Scalars.mul(TripletLoss.batchHard(out.get(1), y, c.tripletMargin()), c.tripletWeight()));
    }
    if (c.effectWeight() > 0) {
      terms.put("effect",
          Scalars.mul(LossFunctions.crossEntropy(out.get(0).sub(out.get(3)), y, c.labelSmoothing()), c.effectWeight()));
    }
    return new Losses(Scalars.total(terms), terms);
  }

  /**
   * The test embedding, L2-normalised: by default the classifier scores of the image plus those of
   * its mirror, as the reference evaluator (reid/engine/inference.py:24-27, normalised in
   * utils/reid_metric.py:74-75); {@code testFeature: neck} uses the BN-neck feature instead.
   * {@code flipTest: false} drops the mirror.
   */
  @Override
  public Outputs infer(StepContext ctx, Batch batch) {
    ParameterStore ps = ctx.parameters();
    NDList out = net.forward(ps, new NDList(batch.images()), false);
    int which = CalReidConfig.NECK.equals(c.testFeature()) ? 2 : 0;
    NDArray emb = out.get(which);
    if (c.flipTest()) {
      emb = emb.add(net.forward(ps, new NDList(batch.images().flip(3)), false).get(which));
    }
    return new Outputs(out.get(0), Bap.l2Normalize(emb));
  }

  /** The mean of the M attention maps, B×h×w. */
  @Override
  public NDArray attention(StepContext ctx, Batch batch, NDArray classes) {
    return net.forward(ctx.parameters(), new NDList(batch.images()), false).get(3).mean(new int[] {1});
  }
}
