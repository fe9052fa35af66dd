package org.fga.core.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import java.util.Map;
import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.method.Batch;
import org.fga.core.method.Losses;
import org.fga.core.method.Method;
import org.fga.core.method.Outputs;
import org.fga.core.method.StepContext;
import org.fga.core.nn.ClassActivation;
import org.fga.core.nn.LossFunctions;
import org.fga.core.nn.Pooling;

/**
 * The reference row of every table: backbone → GAP → linear, trained with cross-entropy (or
 * binary cross-entropy for multi-label data), its CAM as the attention map and its pooled features
 * as the embedding.
 */
public final class BaselineMethod implements Method {
  private final Backbone backbone;
  private final GapLinearBlock block;
  private final BaselineConfig config;

  public BaselineMethod(BaselineConfig config, Backbone backbone, DatasetInfo data) {
    this.config = config;
    this.backbone = backbone;
    var cfg = backbone.cfg();
    int tap = config.tap() == null ? cfg.stages().size() - 1 : cfg.indexOf(config.tap());
    this.block = new GapLinearBlock(backbone.block(), tap, cfg.stages().get(tap).channels(), data.numClasses());
  }

  @Override
  public Block block() {
    return block;
  }

  @Override
  public Backbone backbone() {
    return backbone;
  }

  @Override
  public Losses trainStep(StepContext ctx, Batch batch) {
    NDArray logits = block.forward(ctx.parameters(), new NDList(batch.images()), true).get(0);
    NDArray loss = LossFunctions.classification(logits, batch, config.labelSmoothing());
    return new Losses(loss, Map.of("cls", loss));
  }

  @Override
  public Outputs infer(StepContext ctx, Batch batch) {
    NDList out = block.forward(ctx.parameters(), new NDList(batch.images()), false);
    return new Outputs(out.get(0), Pooling.gap(out.get(1)));
  }

  @Override
  public NDArray attention(StepContext ctx, Batch batch, NDArray classes) {
    NDArray features = block.forward(ctx.parameters(), new NDList(batch.images()), false).get(1);
    NDArray weight = ctx.parameters().getValue(block.fc().getParameters().get("weight"), features.getDevice(), false);
    return ClassActivation.cam(features, weight, classes);
  }
}
