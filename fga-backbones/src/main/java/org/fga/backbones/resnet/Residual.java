package org.fga.backbones.resnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.fga.backbones.nn.BatchNorm2d;
import org.fga.backbones.nn.Intermediates;
import org.fga.backbones.nn.Layers;
import org.fga.backbones.nn.TorchModule;
import org.fga.backbones.nn.TorchSequential;

/**
 * torchvision's {@code BasicBlock} (two 3×3 convs) or {@code Bottleneck} (1×1, 3×3, 1×1 with the
 * stride on the 3×3: ResNet v1.5), each conv followed by BN, with a projection shortcut {@code
 * downsample} (1×1 conv + BN) when the stride or the channel count changes.
 */
public final class Residual extends TorchModule {
  private final List<Block> convs = new ArrayList<>();
  private final List<Block> bns = new ArrayList<>();
  private final Block downsample;
  private final int outChannels;

  /**
   * @param bottleneck bottleneck (true) or basic block
   * @param inChannels input channels
   * @param planes inner width; the output has {@code planes * expansion} channels
   * @param stride 1 or 2
   */
  public Residual(boolean bottleneck, int inChannels, int planes, int stride) {
    int expansion = bottleneck ? 4 : 1;
    outChannels = planes * expansion;
    if (bottleneck) {
      addConvBn(1, Layers.conv1x1(planes, 1), planes);
      addConvBn(2, Layers.conv3x3(planes, stride), planes);
      addConvBn(3, Layers.conv1x1(outChannels, 1), outChannels);
    } else {
      addConvBn(1, Layers.conv3x3(planes, stride), planes);
      addConvBn(2, Layers.conv3x3(planes, 1), planes);
    }
    if (stride != 1 || inChannels != outChannels) {
      downsample =
          module(
              "downsample",
              new TorchSequential()
                  .add(Layers.conv1x1(outChannels, stride))
                  .add(new BatchNorm2d(outChannels)));
    } else {
      downsample = null;
    }
  }

  private void addConvBn(int index, Block conv, int channels) {
    convs.add(module("conv" + index, conv));
    bns.add(module("bn" + index, new BatchNorm2d(channels)));
  }

  public int outChannels() {
    return outChannels;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.head();
    NDArray out = x;
    int last = convs.size() - 1;
    // Each intermediate handle is closed as soon as it is consumed (Intermediates explains why).
    for (int i = 0; i <= last; i++) {
      NDArray conv = Intermediates.replace(out, x, convs.get(i).forward(ps, new NDList(out), training, params).head());
      out = Intermediates.replace(conv, x, bns.get(i).forward(ps, new NDList(conv), training, params).head());
      if (i < last) {
        out = Intermediates.replace(out, x, Activation.relu(out));
      }
    }
    NDArray identity =
        downsample == null ? x : downsample.forward(ps, new NDList(x), training, params).head();
    // In place as in torchvision (out += identity): saves one feature-map allocation.
    out.addi(identity);
    if (identity != x) {
      identity.close();
    }
    return new NDList(Intermediates.replace(out, x, Activation.relu(out)));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape[] shapes = inputShapes;
    for (int i = 0; i < convs.size(); i++) {
      convs.get(i).initialize(manager, dataType, shapes);
      shapes = convs.get(i).getOutputShapes(shapes);
      bns.get(i).initialize(manager, dataType, shapes);
    }
    if (downsample != null) {
      downsample.initialize(manager, dataType, inputShapes);
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape[] shapes = inputShapes;
    for (Block c : convs) {
      shapes = c.getOutputShapes(shapes);
    }
    return shapes;
  }
}
