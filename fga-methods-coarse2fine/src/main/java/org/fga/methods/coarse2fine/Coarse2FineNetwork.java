package org.fga.methods.coarse2fine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import org.fga.engine.RoutedConv;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.fga.core.backbone.Backbone;
import org.fga.core.nn.Pooling;
import org.fga.core.nn.Scalars;

/**
 * The two stages as one block.
 *
 * <ul>
 *   <li><b>coarse</b>: backbone → stage feature map F (B×C×h×w) → M attention maps
 *       {@code A = ReLU(BN(Conv1×1(F)))} (conv without bias, optionally (semi-)orthogonal rows) →
 *       BAP feature f → {@code coarseFc(scale·f)} (bias-free linear, as WS-DAN);
 *   <li><b>inverse mapping</b>: A → box {@code (cx, cy, hx, hy)} of the raw image ({@link
 *       InverseMapping}) → differentiable bilinear zoom of the image to the box ({@link
 *       BoxSampler});
 *   <li><b>fine</b>: the zoomed image → the backbone (the same one, or a copy) → global average
 *       pooling of the same stage → {@code fineFc} (linear with bias).
 * </ul>
 *
 * {@link #forward} runs everything and returns {@code [coarse logits, fine logits, A, box]}; the
 * method calls the stages separately so that stage 1 never touches the inverse mapping or the fine
 * classifier.
 */
public final class Coarse2FineNetwork extends AbstractBlock {
  private final Block backbone;
  private final Block fineBackbone;
  private final Backbone fineCopy;
  private final Block attention;
  private final Linear coarseFc;
  private final InverseMapping inverse;
  private final Linear fineFc;
  private final int tapIndex;
  private final int channels;
  private final int maps;
  private final float scale;
  private final Integer zoomSize;

  /**
   * @param backbone the coarse stage's backbone block
   * @param fineCopy the fine stage's own backbone (a twin of the coarse one), or null to share
   *     {@code backbone}; its pretrained weights are loaded right after it is initialised
   */
  public Coarse2FineNetwork(Block backbone, Backbone fineCopy, int tapIndex, int channels, int numClasses,
      Coarse2FineConfig c) {
    this.backbone = addChildBlock("backbone", backbone);
    this.fineCopy = fineCopy;
    this.fineBackbone = fineCopy == null ? backbone : addChildBlock("fineBackbone", fineCopy.block());
    this.attention = addChildBlock("attention", attentionConv(c.attentionMaps(), c.orthogonalInit()));
    this.coarseFc = addChildBlock("coarseFc", Linear.builder().setUnits(numClasses).optBias(false).build());
    this.inverse = addChildBlock("inverse", new InverseMapping(c.attentionMaps(), c.minRegion()));
    this.fineFc = addChildBlock("fineFc", Linear.builder().setUnits(numClasses).build());
    this.tapIndex = tapIndex;
    this.channels = channels;
    this.maps = c.attentionMaps();
    this.scale = c.featureScale().floatValue();
    this.zoomSize = c.zoomSize();
  }

  /** 1×1 conv (no bias) + BatchNorm (ε 1e-3) + ReLU, the conv's rows orthogonal if asked. */
  static Block attentionConv(int maps, boolean orthogonal) {
    RoutedConv conv = RoutedConv.of(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(maps).optBias(false));
    if (orthogonal) {
      conv.setInitializer(new OrthogonalInitializer(1.0), Parameter.Type.WEIGHT);
    }
    return new SequentialBlock()
        .add(conv)
        .add(BatchNorm.builder().optEpsilon(1e-3f).build())
        .add(Activation::relu);
  }

  public Block attention() {
    return attention;
  }

  public InverseMapping inverse() {
    return inverse;
  }

  public Linear fineFc() {
    return fineFc;
  }

  public Linear coarseFc() {
    return coarseFc;
  }

  public boolean sharesBackbone() {
    return fineBackbone == backbone;
  }

  /** The fine stage's backbone block (the coarse one when shared). */
  public Block fineBackbone() {
    return fineBackbone;
  }

  /** The coarse stage: {@code [logits B×K, BAP feature B×(M·C), A B×M×h×w]}. */
  public NDList coarse(ParameterStore ps, NDArray images, boolean training) {
    NDArray features = backbone.forward(ps, new NDList(images), training).get(tapIndex);
    NDArray att = attention.forward(ps, new NDList(features), training).singletonOrThrow();
    NDArray feat = AttentionPooling.feature(features, att);
    NDArray logits = coarseFc.forward(ps, new NDList(Scalars.mul(feat, scale)), training).singletonOrThrow();
    return new NDList(logits, feat, att);
  }

  /** The inverse mapping: the box B×4 the attention maps point at. */
  public NDArray region(ParameterStore ps, NDArray att, boolean training) {
    return inverse.forward(ps, new NDList(att), training).get(0);
  }

  /** The image zoomed to the box, at {@code zoomSize} (default: the input's size). */
  public NDArray zoom(NDArray images, NDArray box) {
    int h = zoomSize != null ? zoomSize : (int) images.getShape().get(2);
    int w = zoomSize != null ? zoomSize : (int) images.getShape().get(3);
    return BoxSampler.sample(images, box, h, w);
  }

  /** The fine stage's logits on zoomed images. */
  public NDArray fine(ParameterStore ps, NDArray zoomed, boolean training) {
    NDArray features = fineBackbone.forward(ps, new NDList(zoomed), training).get(tapIndex);
    return fineFc.forward(ps, new NDList(Pooling.gap(features)), training).singletonOrThrow();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray images = inputs.singletonOrThrow();
    NDList c = coarse(ps, images, training);
    NDArray box = region(ps, c.get(2), training);
    NDArray fine = fine(ps, zoom(images, box), training);
    return new NDList(c.get(0), fine, c.get(2), box);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    backbone.initialize(manager, dataType, inputShapes);
    if (!sharesBackbone()) {
      fineBackbone.initialize(manager, dataType, inputShapes);
      // the session loads the coarse backbone's weights after initialising the whole block; the
      // copy is ours to load (same file)
      fineCopy.loadPretrained();
    }
    Shape f = backbone.getOutputShapes(inputShapes)[tapIndex];
    attention.initialize(manager, dataType, f);
    coarseFc.initialize(manager, dataType, new Shape(1, (long) maps * channels));
    inverse.initialize(manager, dataType, new Shape(f.get(0), maps, f.get(2), f.get(3)));
    fineFc.initialize(manager, dataType, new Shape(1, channels));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape f = backbone.getOutputShapes(inputShapes)[tapIndex];
    long b = f.get(0);
    long k = coarseFc.getOutputShapes(new Shape[] {new Shape(1, (long) maps * channels)})[0].get(1);
    return new Shape[] {new Shape(b, k), new Shape(b, k), new Shape(b, maps, f.get(2), f.get(3)), new Shape(b, 4)};
  }
}
