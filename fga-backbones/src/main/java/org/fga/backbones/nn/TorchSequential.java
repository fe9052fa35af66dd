package org.fga.backbones.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

/**
 * PyTorch's {@code nn.Sequential}: children named {@code 0}, {@code 1}, ... in order, each fed the
 * previous one's output. Layers without parameters (ReLU, pooling) still take an index, so the
 * indices of the others match PyTorch's ({@code features.28.weight} in VGG-16).
 */
public final class TorchSequential extends TorchModule {
  private int next;

  /** Appends {@code block} under the next index. */
  public TorchSequential add(Block block) {
    module(Integer.toString(next++), block);
    return this;
  }

  public int size() {
    return next;
  }

  /** The layers in order. */
  public java.util.List<Block> layers() {
    return children.values();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList x = inputs;
    for (Block b : children.values()) {
      NDList next = b.forward(ps, x, training, params);
      if (x != inputs) {
        Intermediates.closeUnlessReturned(x, next);
      }
      x = next;
    }
    return x;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape[] shapes = inputShapes;
    for (Pair<String, Block> child : children) {
      child.getValue().initialize(manager, dataType, shapes);
      shapes = child.getValue().getOutputShapes(shapes);
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape[] shapes = inputShapes;
    for (Block b : children.values()) {
      shapes = b.getOutputShapes(shapes);
    }
    return shapes;
  }
}
