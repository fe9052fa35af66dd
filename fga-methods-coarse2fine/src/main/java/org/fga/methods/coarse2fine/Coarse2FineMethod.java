package org.fga.methods.coarse2fine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.Task;
import org.fga.core.error.FgaUserException;
import org.fga.core.method.Batch;
import org.fga.core.method.Losses;
import org.fga.core.method.Method;
import org.fga.core.method.Outputs;
import org.fga.core.method.StepContext;
import org.fga.core.nn.LossFunctions;
import org.fga.core.nn.Scalars;

/**
 * Coarse2Fine (Eshratifar, Eigen, Gormish, Pedram, arXiv 1909.02680), trained in two stages:
 *
 * <pre>
 *   stage 1:  L = w_c·CE(coarse(x))
 *   stage 2:  L = w_c·CE(coarse(x)) + w_f·CE(fine(zoom(x, g(A(x)))))
 * </pre>
 *
 * with A the coarse stage's attention maps, g the learned inverse mapping to a box of the raw image
 * and zoom a differentiable bilinear resampling, so the fine loss reaches A. Stage 1 never runs g or
 * the fine classifier, so their parameters get no gradient and the optimiser leaves them at their
 * initial values. Test logits: the mean of coarse and fine (or one of them, {@code combine}).
 */
public final class Coarse2FineMethod implements Method {
  private final Backbone backbone;
  private final Backbone fineCopy;
  private final Coarse2FineNetwork net;
  private final Coarse2FineConfig config;

  /**
   * @param fineCopy the fine stage's own backbone (same spec), or null when {@code shareBackbone}
   */
  public Coarse2FineMethod(Coarse2FineConfig config, Backbone backbone, Backbone fineCopy, DatasetInfo data) {
    if (data.task() != Task.CLASSIFICATION) {
      throw new FgaUserException(
          "method coarse2fine needs single-label classification data; dataset " + data.name() + " is " + data.task());
    }
    this.config = config;
    this.backbone = backbone;
    this.fineCopy = fineCopy;
    var cfg = backbone.cfg();
    int tap = config.tap() == null ? cfg.stages().size() - 1 : cfg.indexOf(config.tap());
    this.net = new Coarse2FineNetwork(
        backbone.block(), fineCopy, tap, cfg.stages().get(tap).channels(), data.numClasses(), config);
  }

  @Override
  public Block block() {
    return net;
  }

  @Override
  public Backbone backbone() {
    return backbone;
  }

  /** Both backbones learn at the backbone's rate when the fine stage has its own. */
  @Override
  public List<Block> backboneBlocks() {
    return fineCopy == null ? List.of(backbone.block()) : List.of(backbone.block(), fineCopy.block());
  }

  public Coarse2FineNetwork network() {
    return net;
  }

  @Override
  public Losses trainStep(StepContext ctx, Batch batch) {
    ParameterStore ps = ctx.parameters();
    NDArray y = batch.labels();
    NDList coarse = net.coarse(ps, batch.images(), true);
    Map<String, NDArray> terms = new LinkedHashMap<>();
    terms.put("coarse", Scalars.mul(LossFunctions.crossEntropy(coarse.get(0), y), config.coarseWeight()));
    if (config.stage2(ctx.epoch(), ctx.step(), ctx.totalSteps())) {
      NDArray box = net.region(ps, coarse.get(2), true);
      NDArray fine = net.fine(ps, net.zoom(batch.images(), box), true);
      terms.put("fine", Scalars.mul(LossFunctions.crossEntropy(fine, y), config.fineWeight()));
    }
    return new Losses(Scalars.total(terms), terms);
  }

  @Override
  public Outputs infer(StepContext ctx, Batch batch) {
    ParameterStore ps = ctx.parameters();
    NDList coarse = net.coarse(ps, batch.images(), false);
    NDArray logits = coarse.get(0);
    if (!config.combine().equals("coarse")) {
      NDArray box = net.region(ps, coarse.get(2), false);
      NDArray fine = net.fine(ps, net.zoom(batch.images(), box), false);
      logits = config.combine().equals("fine") ? fine : logits.add(fine).div(2);
    }
    return new Outputs(logits, coarse.get(1));
  }

  /** The mean of the M attention maps (class-agnostic, as WS-DAN/CAL), B×h×w. */
  @Override
  public NDArray attention(StepContext ctx, Batch batch, NDArray classes) {
    return net.coarse(ctx.parameters(), batch.images(), false).get(2).mean(new int[] {1});
  }

  /**
   * The zoom boxes in pixels, for the overlays: normalised [-1, 1] coordinates (align_corners
   * false, as {@link BoxSampler}) mapped by x_pixel = ((x + 1)·W − 1) / 2, clipped to the image.
   */
  @Override
  public java.util.List<java.util.List<org.fga.core.data.Box>> regions(StepContext ctx, Batch batch) {
    float[] r = region(ctx, batch).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
    long h = batch.images().getShape().get(2);
    long w = batch.images().getShape().get(3);
    java.util.List<java.util.List<org.fga.core.data.Box>> out = new java.util.ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      float cx = r[4 * i], cy = r[4 * i + 1], hx = r[4 * i + 2], hy = r[4 * i + 3];
      out.add(java.util.List.of(new org.fga.core.data.Box(
          pixel(cx - hx, w), pixel(cy - hy, h), pixel(cx + hx, w), pixel(cy + hy, h))));
    }
    return out;
  }

  private static int pixel(float normalised, long size) {
    double p = ((normalised + 1) * size - 1) / 2;
    return (int) Math.max(0, Math.min(size - 1, Math.round(p)));
  }

  /** The region the inverse mapping chooses for each image, B×4 {@code (cx, cy, hx, hy)}. */
  public NDArray region(StepContext ctx, Batch batch) {
    return net.region(ctx.parameters(), net.coarse(ctx.parameters(), batch.images(), false).get(2), false);
  }
}
