package org.fga.backbones.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * PyTorch's {@code BatchNorm2d} over axis 1 of an NCHW map, with PyTorch's parameter names
 * ({@code weight}, {@code bias}, {@code running_mean}, {@code running_var}) and PyTorch's momentum
 * convention: {@code running = (1 - momentum) * running + momentum * batch}, default 0.1, and the
 * running variance updated with the unbiased batch variance.
 *
 * <p>It calls libtorch's {@code batch_norm} directly, so training and inference are exactly what
 * PyTorch computes. DJL's own {@code BatchNorm} reaches the same kernel, but with the opposite
 * momentum convention, DJL parameter names and two extra transposes per call.
 */
public final class BatchNorm2d extends AbstractBlock {
  public static final float DEFAULT_EPS = 1e-5f;
  public static final float DEFAULT_MOMENTUM = 0.1f;

  private final float eps;
  private final float momentum;
  private final Parameter weight;
  private final Parameter bias;
  private final Parameter runningMean;
  private final Parameter runningVar;

  public BatchNorm2d(int channels) {
    this(channels, DEFAULT_EPS, DEFAULT_MOMENTUM);
  }

  /**
   * @param channels number of channels (axis 1)
   * @param eps added to the variance
   * @param momentum PyTorch convention: the weight of the new batch statistic
   */
  public BatchNorm2d(int channels, float eps, float momentum) {
    super((byte) 1);
    this.eps = eps;
    this.momentum = momentum;
    Shape shape = new Shape(channels);
    weight = param("weight", Parameter.Type.GAMMA, shape, Initializer.ONES, true);
    bias = param("bias", Parameter.Type.BETA, shape, Initializer.ZEROS, true);
    runningMean = param("running_mean", Parameter.Type.RUNNING_MEAN, shape, Initializer.ZEROS, false);
    runningVar = param("running_var", Parameter.Type.RUNNING_VAR, shape, Initializer.ONES, false);
  }

  private Parameter param(
      String name, Parameter.Type type, Shape shape, Initializer init, boolean grad) {
    return addParameter(
        Parameter.builder()
            .setName(name)
            .setType(type)
            .optShape(shape)
            .optInitializer(init)
            .optRequiresGrad(grad)
            .build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    var device = x.getDevice();
    NDArray out =
        JniUtils.batchNorm(
            (PtNDArray) x,
            (PtNDArray) ps.getValue(runningMean, device, training),
            (PtNDArray) ps.getValue(runningVar, device, training),
            (PtNDArray) ps.getValue(weight, device, training),
            (PtNDArray) ps.getValue(bias, device, training),
            training,
            momentum,
            eps);
    return new NDList(out);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
