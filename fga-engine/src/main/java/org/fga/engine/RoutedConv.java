package org.fga.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.LayoutType;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A 1-D or 2-D convolution block that computes through {@link ConvRoute#ENGINE}: DJL's {@code
 * Conv1d}/{@code Conv2d} everywhere the engine is right, fga's own patch-matrix product ({@link
 * Im2col}) for its channel counts where the guard found oneDNN wrong for them. Built from DJL's own builders, with the same parameters
 * ({@code weight}, {@code bias}) and shapes, so checkpoints and torchvision names do not change:
 * {@code RoutedConv.of(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(64))}.
 *
 * <p>Every convolution fga builds is one of these; a model holding a plain DJL convolution makes
 * the guard turn oneDNN off for the whole process instead ({@link EngineGuard#requireRoutable}).
 */
public abstract class RoutedConv extends Convolution {
  private final int dims;

  private RoutedConv(ConvolutionBuilder<?> builder, int dims) {
    super(builder);
    this.dims = dims;
  }

  /** The block a {@code Conv1d.builder()} or {@code Conv2d.builder()} describes, routed. */
  public static RoutedConv of(ConvolutionBuilder<?> builder) {
    if (builder instanceof ai.djl.nn.convolutional.Conv2d.Builder) {
      return new Conv2d(builder);
    }
    if (builder instanceof ai.djl.nn.convolutional.Conv1d.Builder) {
      return new Conv1d(builder);
    }
    throw new IllegalArgumentException(
        "RoutedConv takes DJL's Conv1d and Conv2d builders, got " + builder.getClass().getName());
  }

  /**
   * A routed 2-D convolution. Named as DJL's: a {@code SequentialBlock} names its children after
   * their class, and that name is part of every parameter's path in checkpoints.
   */
  public static final class Conv2d extends RoutedConv {
    private Conv2d(ConvolutionBuilder<?> builder) {
      super(builder, 2);
    }
  }

  /** A routed 1-D convolution, named as DJL's for the same reason. */
  public static final class Conv1d extends RoutedConv {
    private Conv1d(ConvolutionBuilder<?> builder) {
      super(builder, 1);
    }
  }

  @Override
  protected LayoutType[] getExpectedLayout() {
    return dims == 1
        ? new LayoutType[] {LayoutType.BATCH, LayoutType.CHANNEL, LayoutType.WIDTH}
        : new LayoutType[] {LayoutType.BATCH, LayoutType.CHANNEL, LayoutType.HEIGHT, LayoutType.WIDTH};
  }

  @Override
  protected String getStringLayout() {
    return dims == 1 ? "NCW" : "NCHW";
  }

  @Override
  protected int numDimensions() {
    return dims + 2;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray input = inputs.singletonOrThrow();
    NDArray w = parameterStore.getValue(weight, input.getDevice(), training);
    NDArray b = includeBias ? parameterStore.getValue(bias, input.getDevice(), training) : null;
    return new NDList(ConvRoute.ENGINE.convolution(input, w, b, stride, padding, dilation, groups));
  }
}
