package org.fga.backbones.vgg;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
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
 * torchvision's VGG {@code features}: 3×3 convs (with bias), optionally BN, ReLU, and a 2×2 max-pool
 * closing each of the five stages. The forward pass returns each stage's output after its pool. A
 * pool that the stride plan removes is replaced by an identity, so the indices of the convolutions
 * stay torchvision's ({@code features.28.weight}).
 */
public final class Vgg extends TorchModule {
  /** Convolutions per stage of VGG-16 (configuration "D"). */
  static final int[] VGG16_CONVS = {2, 2, 3, 3, 3};

  private final TorchSequential features;
  private final List<Integer> stageEnds = new ArrayList<>();
  private final int[] channels;

  /**
   * @param convsPerStage convolutions in each stage
   * @param width channels of the first stage (64 in torchvision); later stages double up to 8×
   * @param batchNorm whether each conv is followed by BN (VGG-16-BN)
   * @param pools whether each stage ends with its stride-2 max-pool
   */
  public Vgg(int[] convsPerStage, int width, boolean batchNorm, boolean[] pools) {
    features = module("features", new TorchSequential());
    channels = new int[convsPerStage.length];
    for (int stage = 0; stage < convsPerStage.length; stage++) {
      int c = width << Math.min(stage, 3);
      for (int i = 0; i < convsPerStage[stage]; i++) {
        features.add(Layers.conv(c, 3, 1, 1, true));
        if (batchNorm) {
          features.add(new BatchNorm2d(c));
        }
        features.add(Activation.reluBlock());
      }
      features.add(
          pools[stage]
              ? Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2))
              : Blocks.identityBlock());
      stageEnds.add(features.size() - 1);
      channels[stage] = c;
    }
  }

  public int stages() {
    return channels.length;
  }

  public int channels(int stage) {
    return channels[stage];
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray input = inputs.head();
    NDArray x = input;
    boolean xIsStage = false;
    NDList out = new NDList(stageEnds.size());
    List<Block> layers = features.layers();
    int next = 0;
    boolean lastOnly = StageRequest.isLastOnly(params);
    for (int i = 0; i < layers.size(); i++) {
      NDArray y = layers.get(i).forward(ps, new NDList(x), training, params).head();
      // Intermediates are released at once; stage outputs belong to the caller, unless it reads
      // the last stage only (StageRequest)
      x = xIsStage && !lastOnly ? y : Intermediates.replace(x, input, y);
      xIsStage = i == stageEnds.get(next);
      if (xIsStage) {
        out.add(x);
        next++;
      }
    }
    return out;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    features.initialize(manager, dataType, inputShapes);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    List<Block> layers = features.layers();
    Shape[] shapes = inputShapes;
    Shape[] out = new Shape[stageEnds.size()];
    int next = 0;
    for (int i = 0; i < layers.size(); i++) {
      shapes = layers.get(i).getOutputShapes(shapes);
      if (i == stageEnds.get(next)) {
        out[next++] = shapes[0];
      }
    }
    return out;
  }
}
