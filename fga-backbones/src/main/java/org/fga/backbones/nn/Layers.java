package org.fga.backbones.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import org.fga.engine.RoutedConv;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.initializer.XavierInitializer.FactorType;
import ai.djl.training.initializer.XavierInitializer.RandomType;

/** Factories for the convolution and linear layers of torchvision models, with its initialisation. */
public final class Layers {
  /** {@code kaiming_normal_(mode="fan_out", nonlinearity="relu")}: N(0, 2 / fan_out). */
  public static final Initializer KAIMING_NORMAL_FAN_OUT =
      new XavierInitializer(RandomType.GAUSSIAN, FactorType.OUT, 2f);

  /** PyTorch's default {@code nn.Linear} weight: U(-1/sqrt(fan_in), 1/sqrt(fan_in)). */
  public static final Initializer TORCH_LINEAR_DEFAULT =
      new XavierInitializer(RandomType.UNIFORM, FactorType.IN, 1f);

  private Layers() {}

  /**
   * A square convolution, torchvision-initialised (bias, if any, starts at zero), routed around
   * the engine's wrong kernels where the engine guard found some.
   */
  public static RoutedConv conv(int outChannels, int kernel, int stride, int padding, boolean bias) {
    RoutedConv c = RoutedConv.of(
        Conv2d.builder()
            .setKernelShape(new Shape(kernel, kernel))
            .setFilters(outChannels)
            .optStride(new Shape(stride, stride))
            .optPadding(new Shape(padding, padding))
            .optBias(bias));
    c.setInitializer(KAIMING_NORMAL_FAN_OUT, Parameter.Type.WEIGHT);
    if (bias) {
      c.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
    }
    return c;
  }

  /** A 3×3 convolution with padding 1, no bias (ResNet). */
  public static RoutedConv conv3x3(int outChannels, int stride) {
    return conv(outChannels, 3, stride, 1, false);
  }

  /** A 1×1 convolution without bias (ResNet). */
  public static RoutedConv conv1x1(int outChannels, int stride) {
    return conv(outChannels, 1, stride, 0, false);
  }

  /** A linear layer initialised as PyTorch's default (weight only; the bias starts at zero). */
  public static Linear linear(int outFeatures) {
    Linear l = Linear.builder().setUnits(outFeatures).build();
    l.setInitializer(TORCH_LINEAR_DEFAULT, Parameter.Type.WEIGHT);
    l.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
    return l;
  }

  /** A linear layer with weights from N(0, std), bias zero (torchvision's VGG classifier). */
  public static Linear linearNormal(int outFeatures, float std) {
    Linear l = Linear.builder().setUnits(outFeatures).build();
    l.setInitializer(new NormalInitializer(std), Parameter.Type.WEIGHT);
    l.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
    return l;
  }
}
