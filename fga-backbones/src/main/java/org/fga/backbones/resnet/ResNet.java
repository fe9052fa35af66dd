package org.fga.backbones.resnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.fga.backbones.nn.BatchNorm2d;
import org.fga.backbones.nn.Intermediates;
import org.fga.core.backbone.StageRequest;
import org.fga.backbones.nn.Layers;
import org.fga.backbones.nn.TorchModule;
import org.fga.backbones.nn.TorchSequential;

/**
 * The convolutional part of torchvision's ResNet: {@code conv1} (7×7, stride 2) → {@code bn1} →
 * ReLU → 3×3 max-pool (stride 2) → {@code layer1} ... {@code layer4}. The forward pass returns the
 * four layer outputs, in order; {@code avgpool} and {@code fc} belong to the classifier network.
 */
public final class ResNet extends TorchModule {
  private static final Shape POOL_KERNEL = new Shape(3, 3);
  private static final Shape POOL_STRIDE = new Shape(2, 2);
  private static final Shape POOL_PAD = new Shape(1, 1);

  private final Block conv1;
  private final Block bn1;
  private final List<Block> layers = new ArrayList<>();
  private final int[] channels = new int[4];
  private final boolean stemPool;

  /**
   * @param depth which ResNet
   * @param width channels of the stem and of layer1's inner planes (64 in torchvision)
   * @param strides stride of layer1..layer4 (torchvision: 1, 2, 2, 2)
   * @param stemPool whether the stem ends with the max-pool (torchvision: true)
   */
  public ResNet(ResNetDepth depth, int width, int[] strides, boolean stemPool) {
    this.stemPool = stemPool;
    conv1 = module("conv1", Layers.conv(width, 7, 2, 3, false));
    bn1 = module("bn1", new BatchNorm2d(width));
    int in = width;
    for (int stage = 0; stage < 4; stage++) {
      int planes = width << stage;
      TorchSequential layer = new TorchSequential();
      for (int b = 0; b < depth.blocks(stage); b++) {
        Residual block =
            new Residual(depth.bottleneck(), in, planes, b == 0 ? strides[stage] : 1);
        layer.add(block);
        in = block.outChannels();
      }
      channels[stage] = in;
      layers.add(module("layer" + (stage + 1), layer));
    }
  }

  /** Output channels of layer{@code stage + 1}. */
  public int channels(int stage) {
    return channels[stage];
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray input = inputs.head();
    NDArray x = conv1.forward(ps, inputs, training, params).head();
    x = Intermediates.replace(x, input, bn1.forward(ps, new NDList(x), training, params).head());
    x = Intermediates.replace(x, input, Activation.relu(x));
    if (stemPool) {
      x = Intermediates.replace(x, input, Pool.maxPool2d(x, POOL_KERNEL, POOL_STRIDE, POOL_PAD, false));
    }
    NDList stages = new NDList(layers.size());
    NDList current = new NDList(x);
    boolean lastOnly = StageRequest.isLastOnly(params);
    for (int i = 0; i < layers.size(); i++) {
      NDList next = layers.get(i).forward(ps, current, training, params);
      if (i == 0) {
        Intermediates.replace(x, input, next.head()); // the stem output; later inputs are stages
      } else if (lastOnly) {
        stages.get(i - 1).close(); // consumed by layer i, and the caller reads the last stage only
      }
      stages.add(next.head());
      current = next;
    }
    return stages;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    conv1.initialize(manager, dataType, inputShapes);
    Shape[] shapes = conv1.getOutputShapes(inputShapes);
    bn1.initialize(manager, dataType, shapes);
    shapes = new Shape[] {pooled(shapes[0])};
    for (Block layer : layers) {
      layer.initialize(manager, dataType, shapes);
      shapes = layer.getOutputShapes(shapes);
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape[] shapes = new Shape[] {pooled(conv1.getOutputShapes(inputShapes)[0])};
    Shape[] out = new Shape[layers.size()];
    for (int i = 0; i < layers.size(); i++) {
      shapes = layers.get(i).getOutputShapes(shapes);
      out[i] = shapes[0];
    }
    return out;
  }

  private Shape pooled(Shape s) {
    if (!stemPool) {
      return s;
    }
    return new Shape(s.get(0), s.get(1), (s.get(2) - 1) / 2 + 1, (s.get(3) - 1) / 2 + 1);
  }
}
