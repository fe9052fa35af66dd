package org.fga.methods.ssl;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.fga.backbones.nn.BatchNorm2d;
import org.fga.backbones.nn.Layers;

/**
 * Linear → (BatchNorm) → ReLU → Linear. With batch norm it is BYOL's projector and predictor (LCR
 * {@code models/byol.py:47-61}: BN eps 1e-5, momentum 0.1); without, MoCo v2's MLP head ({@code
 * moco/builder.py:36-39}).
 */
final class Mlp extends AbstractBlock {
  private final int in;
  private final int hidden;
  private final Linear fc1;
  private final BatchNorm2d bn;
  private final Linear fc2;

  Mlp(int in, int hidden, int out, boolean batchNorm) {
    this.in = in;
    this.hidden = hidden;
    this.fc1 = addChildBlock("fc1", Layers.linear(hidden));
    this.bn = batchNorm ? addChildBlock("bn", new BatchNorm2d(hidden)) : null;
    this.fc2 = addChildBlock("fc2", Layers.linear(out));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList x = fc1.forward(ps, inputs, training);
    if (bn != null) {
      x = bn.forward(ps, x, training);
    }
    return fc2.forward(ps, new NDList(Activation.relu(x.singletonOrThrow())), training);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    fc1.initialize(manager, dataType, new Shape(1, in));
    if (bn != null) {
      bn.initialize(manager, dataType, new Shape(1, hidden));
    }
    fc2.initialize(manager, dataType, new Shape(1, hidden));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return fc2.getOutputShapes(new Shape[] {new Shape(inputShapes[0].get(0), hidden)});
  }
}
