package org.fga.testkit;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.convolutional.Conv2d;
import org.fga.engine.RoutedConv;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.fga.core.backbone.Backbone;
import org.fga.core.backbone.BackboneCfg;
import org.fga.core.backbone.FeatureTap;

/**
 * Backbones that stand in for the reference's when a fixture compares a method's head with the
 * reference code: what the fixture generator ran instead of a ResNet, with no normalisation (mean 0,
 * std 1) and no pretrained weights.
 */
public final class StandInBackbones {
  private StandInBackbones() {}

  /**
   * One {@code k×k} convolution of stride {@code k}, no bias, then ReLU: one stage named
   * {@code conv} at stride {@code k} ({@code torch.nn.Conv2d(3, channels, k, k, bias=False)}).
   */
  public static Backbone oneConv(int channels, int k, int inputSize) {
    return of(new OneConv(channels, k),
        new BackboneCfg("one-conv", inputSize, new float[] {0, 0, 0}, new float[] {1, 1, 1},
            List.of(new FeatureTap("conv", channels, k))));
  }

  /**
   * A backbone whose single stage is its input, so a fixture can start at a head's input: the
   * stage is named {@code tap} with {@code channels} channels and the given nominal stride.
   */
  public static Backbone identity(String tap, int channels, int stride, int inputSize) {
    return of(new LambdaBlock(list -> list),
        new BackboneCfg("identity", inputSize, new float[] {0, 0, 0}, new float[] {1, 1, 1},
            List.of(new FeatureTap(tap, channels, stride))));
  }

  private static Backbone of(Block block, BackboneCfg cfg) {
    return new Backbone() {
      @Override
      public Block block() {
        return block;
      }

      @Override
      public BackboneCfg cfg() {
        return cfg;
      }

      @Override
      public void loadPretrained() {}
    };
  }

  /** conv(3 → channels, k×k, stride k) + ReLU, returning a one-stage list. */
  private static final class OneConv extends AbstractBlock {
    private final Block conv;

    OneConv(int channels, int k) {
      conv = addChildBlock("conv", RoutedConv.of(Conv2d.builder().setKernelShape(new Shape(k, k))
          .optStride(new Shape(k, k)).setFilters(channels).optBias(false)));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
      return new NDList(Activation.relu(conv.forward(ps, in, training).singletonOrThrow()));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
      conv.initialize(manager, dataType, inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
      return conv.getOutputShapes(inputShapes);
    }
  }
}
