package org.fga.backbones;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.function.UnaryOperator;
import org.fga.backbones.nn.Intermediates;
import org.fga.backbones.nn.TorchModule;
import org.fga.core.backbone.StageRequest;

/**
 * A backbone followed by pooling, flattening and a classifier head: the whole torchvision model.
 * The backbone is a transparent child, so parameter names are torchvision's ({@code conv1.weight}
 * ... {@code fc.weight}). The forward pass returns the logits (B×numClasses).
 */
public final class ClassifierNetwork extends TorchModule {
  private final Block backbone;
  private final UnaryOperator<Shape> pooledShape;
  private final UnaryOperator<NDArray> pool;
  private final Block head;

  /**
   * @param backbone the stage-feature block (its last output is classified)
   * @param pool maps the last B×C×H×W feature map to the head's pooled map
   * @param pooledShape the shape {@code pool} produces for a given input shape
   * @param headName the head's name in torchvision ({@code fc}, {@code classifier})
   * @param head maps the flattened pooled features to logits
   */
  public ClassifierNetwork(
      Block backbone,
      UnaryOperator<NDArray> pool,
      UnaryOperator<Shape> pooledShape,
      String headName,
      Block head) {
    this.backbone = module("", backbone);
    this.pool = pool;
    this.pooledShape = pooledShape;
    this.head = module(headName, head);
  }

  public Block backbone() {
    return backbone;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    // torchvision's classifier keeps no taps: release each stage once the next has read it
    NDList stages = backbone.forward(ps, inputs, training, StageRequest.lastOnly(params));
    NDArray pooled = pool.apply(stages.get(stages.size() - 1));
    NDArray flat = pooled.reshape(pooled.getShape().get(0), -1);
    // Only the pooled features go on: release the stage maps now (see Intermediates).
    Intermediates.closeUnlessReturned(stages, new NDList(flat));
    return head.forward(ps, new NDList(flat), training, params);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    backbone.initialize(manager, dataType, inputShapes);
    head.initialize(manager, dataType, flatShape(inputShapes));
  }

  private Shape[] flatShape(Shape[] inputShapes) {
    Shape[] stages = backbone.getOutputShapes(inputShapes);
    Shape p = pooledShape.apply(stages[stages.length - 1]);
    return new Shape[] {new Shape(p.get(0), p.size() / p.get(0))};
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return head.getOutputShapes(flatShape(inputShapes));
  }
}
