package org.fga.methods.gain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import org.fga.engine.RoutedConv;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.fga.backbones.nn.Layers;
import org.fga.core.nn.Pooling;

/**
 * The classifier on one feature map: {@code F (B×C×h×w) → logits (B×K)}. Either GAP → linear (as
 * {@code baseline}), or a 3×3 convolution with ReLU before it, which makes the head non-linear in F
 * so that Grad-CAM is no longer CAM.
 */
public final class GainHead extends AbstractBlock {
  private final HeadType type;
  private final int channels;
  private final RoutedConv conv;
  private final Linear fc;

  public GainHead(HeadType type, int channels, int numClasses) {
    this.type = type;
    this.channels = channels;
    this.conv = type == HeadType.CONV_GAP_LINEAR ? addChildBlock("conv", Layers.conv(channels, 3, 1, 1, true)) : null;
    // DJL's default linear initialisation, as baseline's head, so the two start alike.
    this.fc = addChildBlock("fc", Linear.builder().setUnits(numClasses).build());
  }

  public HeadType type() {
    return type;
  }

  public Linear fc() {
    return fc;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray f = inputs.singletonOrThrow();
    if (conv != null) {
      f = Activation.relu(conv.forward(ps, new NDList(f), training).singletonOrThrow());
    }
    return fc.forward(ps, new NDList(Pooling.gap(f)), training);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    if (conv != null) {
      conv.initialize(manager, dataType, inputShapes);
    }
    fc.initialize(manager, dataType, new Shape(1, channels));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return fc.getOutputShapes(new Shape[] {new Shape(inputShapes[0].get(0), channels)});
  }
}
