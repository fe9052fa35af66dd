package org.fga.methods.cal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * The re-ID network of CAL: backbone (last stride 1) → M attention maps → BAP feature → bias-free
 * linear to D ("global" feature, used by the triplet loss) → BatchNorm neck without shift →
 * bias-free identity classifier. Forward returns {@code [scores B×K, global B×D, neck B×D,
 * attention B×M×h×w, F B×C×h×w]}.
 */
public final class ReidBapNetwork extends AbstractBlock {
  private final Block backbone;
  private final Block attention;
  private final Linear reduce;
  private final BatchNorm neck;
  private final Linear classifier;
  private final int tapIndex;
  private final int channels;
  private final int maps;
  private final int dim;

  public ReidBapNetwork(Block backbone, int tapIndex, int channels, int maps, int dim, int numClasses) {
    this.backbone = addChildBlock("backbone", backbone);
    this.attention = addChildBlock("attention", BapNetwork.attentionConv(maps));
    this.reduce = addChildBlock("reduce", Linear.builder().setUnits(dim).optBias(false).build());
    // no shift in the neck (bias frozen at 0 in the reference), so only the scale is learned
    this.neck = addChildBlock("neck", BatchNorm.builder().optCenter(false).build());
    this.classifier = addChildBlock("classifier", Linear.builder().setUnits(numClasses).optBias(false).build());
    // the reference initialises both linear layers from N(0, 0.001²)
    reduce.setInitializer(new NormalInitializer(0.001f), Parameter.Type.WEIGHT);
    classifier.setInitializer(new NormalInitializer(0.001f), Parameter.Type.WEIGHT);
    this.tapIndex = tapIndex;
    this.channels = channels;
    this.maps = maps;
    this.dim = dim;
  }

  /** {@code [F, attention]}: the tapped feature map and its M attention maps. */
  public NDList stem(ParameterStore ps, NDArray images, boolean training) {
    NDArray features = backbone.forward(ps, new NDList(images), training).get(tapIndex);
    NDArray att = attention.forward(ps, new NDList(features), training).singletonOrThrow();
    return new NDList(features, att);
  }

  /**
   * {@code [scores, global, neck, cfScores]} of a real and a counterfactual BAP feature, in the
   * reference's order (reid/modeling/baseline.py:262-270): both go through the linear layer, then
   * the counterfactual batch passes the BN neck <em>before</em> the real one. In training the neck
   * normalises each batch by its own statistics, so the order moves only the running statistics
   * the test uses; the real batch's update lands last.
   */
  public NDList headPair(ParameterStore ps, NDArray bapFeature, NDArray cfFeature, boolean training) {
    NDArray global = reduce.forward(ps, new NDList(bapFeature), training).singletonOrThrow();
    NDArray cfGlobal = reduce.forward(ps, new NDList(cfFeature), training).singletonOrThrow();
    NDArray cfNormed = neck.forward(ps, new NDList(cfGlobal), training).singletonOrThrow();
    NDArray normed = neck.forward(ps, new NDList(global), training).singletonOrThrow();
    NDArray scores = classifier.forward(ps, new NDList(normed), training).singletonOrThrow();
    NDArray cfScores = classifier.forward(ps, new NDList(cfNormed), training).singletonOrThrow();
    return new NDList(scores, global, normed, cfScores);
  }

  /** {@code [scores, global, neck]} of one BAP feature (real or counterfactual). */
  public NDList head(ParameterStore ps, NDArray bapFeature, boolean training) {
    NDArray global = reduce.forward(ps, new NDList(bapFeature), training).singletonOrThrow();
    NDArray normed = neck.forward(ps, new NDList(global), training).singletonOrThrow();
    NDArray scores = classifier.forward(ps, new NDList(normed), training).singletonOrThrow();
    return new NDList(scores, global, normed);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray features = backbone.forward(ps, inputs, training, params).get(tapIndex);
    NDArray att = attention.forward(ps, new NDList(features), training).singletonOrThrow();
    NDList out = head(ps, Bap.feature(features, att, Bap.REID_SQRT_EPS), training);
    out.add(att);
    out.add(features);
    return out;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    backbone.initialize(manager, dataType, inputShapes);
    attention.initialize(manager, dataType, backbone.getOutputShapes(inputShapes)[tapIndex]);
    reduce.initialize(manager, dataType, new Shape(1, (long) maps * channels));
    neck.initialize(manager, dataType, new Shape(1, dim));
    classifier.initialize(manager, dataType, new Shape(1, dim));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape f = backbone.getOutputShapes(inputShapes)[tapIndex];
    long b = f.get(0);
    long k = classifier.getOutputShapes(new Shape[] {new Shape(1, dim)})[0].get(1);
    return new Shape[] {
      new Shape(b, k), new Shape(b, dim), new Shape(b, dim), new Shape(b, maps, f.get(2), f.get(3)), f
    };
  }
}
