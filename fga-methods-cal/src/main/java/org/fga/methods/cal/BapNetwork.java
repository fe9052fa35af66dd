package org.fga.methods.cal;

import ai.djl.ndarray.NDArray;
import org.fga.core.nn.Scalars;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import org.fga.engine.RoutedConv;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;

/**
 * Backbone → one stage's feature map F → M attention maps (1×1 conv without bias, BN with ε 1e-3,
 * ReLU, as the reference's BasicConv2d) → BAP feature → {@code fc(scale·feat)} with a bias-free
 * linear layer. Forward returns {@code [logits B×K, feat B×(M·C), attention B×M×h×w, F B×C×h×w]}.
 */
public final class BapNetwork extends AbstractBlock {
  private final Block backbone;
  private final Block attention;
  private final Linear fc;
  private final int tapIndex;
  private final int channels;
  private final int maps;
  private final float scale;

  public BapNetwork(Block backbone, int tapIndex, int channels, int maps, int numClasses, double scale) {
    this.backbone = addChildBlock("backbone", backbone);
    this.attention = addChildBlock("attention", attentionConv(maps));
    this.fc = addChildBlock("fc", Linear.builder().setUnits(numClasses).optBias(false).build());
    fc.setInitializer(torchDefault(), Parameter.Type.WEIGHT);
    this.tapIndex = tapIndex;
    this.channels = channels;
    this.maps = maps;
    this.scale = (float) scale;
  }

  /**
   * PyTorch's default initialisation of {@code nn.Linear} and {@code nn.Conv2d}, U(±1/√fan_in),
   * which the reference leaves on its attention conv and classifier (fgvc/models/cal.py:158, 164
   * apply no init function). DJL's default Xavier would start the 100×-scaled logits about 3×
   * larger.
   */
  static XavierInitializer torchDefault() {
    return new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.IN, 1f);
  }

  /** 1×1 conv (no bias) + BatchNorm (ε 1e-3) + ReLU: non-negative attention maps. */
  static Block attentionConv(int maps) {
    RoutedConv conv = RoutedConv.of(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(maps).optBias(false));
    conv.setInitializer(torchDefault(), Parameter.Type.WEIGHT);
    return new SequentialBlock()
        .add(conv)
        .add(BatchNorm.builder().optEpsilon(1e-3f).build())
        .add(Activation::relu);
  }

  public Linear fc() {
    return fc;
  }

  public int maps() {
    return maps;
  }

  /** {@code fc(scale·feat)}: the classifier applied to a (real or counterfactual) BAP feature. */
  public NDArray classify(ParameterStore ps, NDArray feat, boolean training) {
    return fc.forward(ps, new NDList(Scalars.mul(feat, scale)), training).singletonOrThrow();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray features = backbone.forward(ps, inputs, training, params).get(tapIndex);
    NDArray att = attention.forward(ps, new NDList(features), training).singletonOrThrow();
    NDArray feat = Bap.feature(features, att);
    return new NDList(classify(ps, feat, training), feat, att, features);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    backbone.initialize(manager, dataType, inputShapes);
    Shape f = backbone.getOutputShapes(inputShapes)[tapIndex];
    attention.initialize(manager, dataType, f);
    fc.initialize(manager, dataType, new Shape(1, (long) maps * channels));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape f = backbone.getOutputShapes(inputShapes)[tapIndex];
    long b = f.get(0);
    long k = fc.getOutputShapes(new Shape[] {new Shape(1, (long) maps * channels)})[0].get(1);
    return new Shape[] {
      new Shape(b, k), new Shape(b, (long) maps * channels), new Shape(b, maps, f.get(2), f.get(3)), f
    };
  }
}
