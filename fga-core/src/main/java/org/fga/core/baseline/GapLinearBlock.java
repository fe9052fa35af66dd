package org.fga.core.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.fga.core.backbone.StageRequest;
import org.fga.core.nn.Pooling;

/**
 * Backbone → one stage's feature map → global average pooling → linear classifier. Forward returns
 * {@code [logits B×K, features B×C×h×w]} so the CAM can be read without a second pass.
 */
public final class GapLinearBlock extends AbstractBlock {
  private final Block backbone;
  private final Linear fc;
  private final int tapIndex;
  private final int channels;
  /** Whether the tap is the backbone's last stage, known once the block is initialised. */
  private boolean lastTap;

  public GapLinearBlock(Block backbone, int tapIndex, int channels, int numClasses) {
    this.backbone = addChildBlock("backbone", backbone);
    this.fc = addChildBlock("fc", Linear.builder().setUnits(numClasses).build());
    // PyTorch's nn.Linear default: U(±1/√fan_in) (DJL's default Xavier starts far above chance loss)
    fc.setInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM,
        XavierInitializer.FactorType.IN, 1f), Parameter.Type.WEIGHT);
    this.tapIndex = tapIndex;
    this.channels = channels;
  }

  public Linear fc() {
    return fc;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    PairList<String, Object> request = lastTap ? StageRequest.lastOnly(params) : params;
    NDArray features = backbone.forward(ps, inputs, training, request).get(tapIndex);
    NDArray logits = fc.forward(ps, new NDList(Pooling.gap(features)), training).singletonOrThrow();
    return new NDList(logits, features);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    backbone.initialize(manager, dataType, inputShapes);
    lastTap = tapIndex == backbone.getOutputShapes(inputShapes).length - 1;
    fc.initialize(manager, dataType, new Shape(1, channels));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape f = backbone.getOutputShapes(inputShapes)[tapIndex];
    return new Shape[] {new Shape(f.get(0), fc.getOutputShapes(new Shape[] {new Shape(1, channels)})[0].get(1)), f};
  }
}
