package org.fga.methods.rfga;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.Map;
import org.fga.core.backbone.Backbone;
import org.fga.core.backbone.BackboneCfg;
import org.fga.core.data.DatasetInfo;
import org.fga.core.method.Batch;
import org.fga.core.method.Losses;
import org.fga.core.method.Method;
import org.fga.core.method.Outputs;
import org.fga.core.method.StepContext;
import org.fga.core.nn.LossFunctions;
import org.fga.core.nn.Pooling;

/**
 * {@code rfga} and {@code cam}: a {@link ClassMapNetwork} trained with cross-entropy on its pooled
 * class maps (binary cross-entropy for multi-label data). The attention of class c is the
 * classifier's map of c, raw or normalised as MoANA scores it ({@link CamNormalization}); the
 * embedding is the pooled (calibrated) features.
 */
public final class ClassMapMethod implements Method {
  private final Backbone backbone;
  private final ClassMapNetwork network;
  private final CamNormalization camNormalization;

  /**
   * @param kernel the RFGA module's kernel size, or null for the plain CAM network
   * @param camNormalization the form of the maps {@link #attention} returns
   */
  public ClassMapMethod(
      Backbone backbone, DatasetInfo data, String tap, Integer kernel, CamNormalization camNormalization) {
    this(backbone, data, tap, kernel, camNormalization, false);
  }

  /**
   * @param linearInit the classifier starts as PyTorch's nn.Linear (the reference CAM's head)
   *     instead of Kaiming fan-out
   */
  public ClassMapMethod(Backbone backbone, DatasetInfo data, String tap, Integer kernel,
      CamNormalization camNormalization, boolean linearInit) {
    this.backbone = backbone;
    this.camNormalization = camNormalization;
    BackboneCfg cfg = backbone.cfg();
    int index = tap == null ? cfg.stages().size() - 1 : cfg.indexOf(tap);
    int channels = cfg.stages().get(index).channels();
    TripleViewAttention module = kernel == null ? null : new TripleViewAttention(channels, kernel);
    this.network = new ClassMapNetwork(backbone.block(), index, channels, data.numClasses(), module, linearInit);
  }

  @Override
  public Block block() {
    return network;
  }

  public ClassMapNetwork network() {
    return network;
  }

  @Override
  public Backbone backbone() {
    return backbone;
  }

  @Override
  public Losses trainStep(StepContext ctx, Batch batch) {
    NDArray logits = network.forward(ctx.parameters(), new NDList(batch.images()), true).get(0);
    NDArray loss = LossFunctions.classification(logits, batch, 0);
    return new Losses(loss, Map.of("cls", loss));
  }

  @Override
  public Outputs infer(StepContext ctx, Batch batch) {
    NDList out = network.forward(ctx.parameters(), new NDList(batch.images()), false);
    return new Outputs(out.get(0), Pooling.gap(out.get(2)));
  }

  @Override
  public NDArray attention(StepContext ctx, Batch batch, NDArray classes) {
    NDArray maps = network.forward(ctx.parameters(), new NDList(batch.images()), false).get(1);
    Shape image = batch.images().getShape();
    return camNormalization.apply(ClassMaps.select(maps, classes), (int) image.get(2), (int) image.get(3));
  }
}
