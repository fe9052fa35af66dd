package org.fga.methods.ssl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.fga.core.backbone.StageRequest;
import org.fga.core.nn.Pooling;

/**
 * Backbone → last stage F → global average pooling → MLP head: BYOL's {@code online_encoder}
 * (backbone + projector), MoCo's {@code encoder_q} (ResNet with its {@code fc} replaced by the MLP).
 * The two halves are separate calls so that a method can read the gradient at F between them.
 */
final class Encoder extends AbstractBlock {
  private final Block backbone;
  private final Mlp head;

  Encoder(Block backbone, Mlp head) {
    this.backbone = addChildBlock("backbone", backbone);
    this.head = addChildBlock("head", head);
  }

  Block backbone() {
    return backbone;
  }

  /** The last stage's B×C×h×w map. */
  NDArray features(ParameterStore ps, NDArray images, boolean training) {
    NDList stages = backbone.forward(ps, new NDList(images), training, StageRequest.lastOnly(null));
    return stages.get(stages.size() - 1);
  }

  /** GAP of {@code features} → head: B×D. */
  NDArray project(ParameterStore ps, NDArray features, boolean training) {
    return head.forward(ps, new NDList(Pooling.gap(features)), training).singletonOrThrow();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(project(ps, features(ps, inputs.singletonOrThrow(), training), training));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    backbone.initialize(manager, dataType, inputShapes);
    head.initialize(manager, dataType, new Shape(1, featureShape(inputShapes).get(1)));
  }

  Shape featureShape(Shape[] inputShapes) {
    Shape[] stages = backbone.getOutputShapes(inputShapes);
    return stages[stages.length - 1];
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape f = featureShape(inputShapes);
    return head.getOutputShapes(new Shape[] {new Shape(f.get(0), f.get(1))});
  }
}
