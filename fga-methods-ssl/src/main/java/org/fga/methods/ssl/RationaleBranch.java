package org.fga.methods.ssl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import org.fga.engine.RoutedConv;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.fga.backbones.nn.BatchNorm2d;
import org.fga.backbones.nn.Layers;

/**
 * LCR's common-rationale detector (GANPerf/LCR {@code models/byol.py:80-82, 147-152}): a 1×1
 * convolution without bias to {@code channels} maps, BatchNorm, ReLU, the maximum over channels,
 * then min–max normalisation over the <em>whole batch</em> (one minimum and one maximum for all
 * images, as the reference's {@code torch.min(img)} / {@code torch.max(img)}): B×h×w in [0, 1].
 */
final class RationaleBranch extends AbstractBlock {
  private final int channels;
  private final RoutedConv conv;
  private final BatchNorm2d bn;

  RationaleBranch(int channels) {
    this.channels = channels;
    this.conv = addChildBlock("conv", RoutedConv.of(Conv2d.builder().setKernelShape(new Shape(1, 1))
        .setFilters(channels).optBias(false)));
    // nn.Conv2d's default initialisation: U(±1/√fan_in)
    conv.setInitializer(Layers.TORCH_LINEAR_DEFAULT, Parameter.Type.WEIGHT);
    this.bn = addChildBlock("bn", new BatchNorm2d(channels));
  }

  /** The B×h×w map of B×C×h×w features. */
  NDArray map(ParameterStore ps, NDArray features, boolean training) {
    NDArray x = conv.forward(ps, new NDList(features), training).singletonOrThrow();
    x = Activation.relu(bn.forward(ps, new NDList(x), training).singletonOrThrow());
    NDArray img = x.max(new int[] {1});
    img = img.sub(img.min());
    return img.div(img.max().add(1e-7f));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(map(ps, inputs.singletonOrThrow(), training));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    conv.initialize(manager, dataType, inputShapes);
    bn.initialize(manager, dataType, conv.getOutputShapes(inputShapes));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    return new Shape[] {new Shape(s.get(0), s.get(2), s.get(3))};
  }

  int channels() {
    return channels;
  }
}
