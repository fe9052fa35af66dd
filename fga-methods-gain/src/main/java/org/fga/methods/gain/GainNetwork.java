package org.fga.methods.gain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Backbone → the Grad-CAM tap's feature map → {@link GainHead}. Forward returns {@code [logits,
 * features]}; the head can also be run alone on a feature map (the auxiliary Grad-CAM pass).
 */
public final class GainNetwork extends AbstractBlock {
  private final Block backbone;
  private final GainHead head;
  private final int tapIndex;

  public GainNetwork(Block backbone, int tapIndex, GainHead head) {
    this.backbone = addChildBlock("backbone", backbone);
    this.head = addChildBlock("head", head);
    this.tapIndex = tapIndex;
  }

  public GainHead head() {
    return head;
  }

  /** The tap's feature map for a batch of normalised images. */
  public NDArray features(ParameterStore ps, NDArray images, boolean training) {
    return backbone.forward(ps, new NDList(images), training).get(tapIndex);
  }

  /** The head's logits on a feature map. */
  public NDArray logits(ParameterStore ps, NDArray features, boolean training) {
    return head.forward(ps, new NDList(features), training).singletonOrThrow();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray features = features(ps, inputs.singletonOrThrow(), training);
    return new NDList(logits(ps, features, training), features);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    backbone.initialize(manager, dataType, inputShapes);
    head.initialize(manager, dataType, backbone.getOutputShapes(inputShapes)[tapIndex]);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape f = backbone.getOutputShapes(inputShapes)[tapIndex];
    return new Shape[] {head.getOutputShapes(new Shape[] {f})[0], f};
  }
}
