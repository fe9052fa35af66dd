package org.fga.backbones.resnet;

import org.fga.core.backbone.Backbone;
import org.fga.core.backbone.BackboneProvider;
import org.fga.core.backbone.BackboneSpec;

/** Registers one torchvision ResNet depth; the nested classes are what the module binds. */
public abstract class ResNetProvider implements BackboneProvider {
  private final ResNetDepth depth;

  protected ResNetProvider(ResNetDepth depth) {
    this.depth = depth;
  }

  @Override
  public String name() {
    return depth.arch();
  }

  @Override
  public String description() {
    return "torchvision "
        + depth.arch()
        + " ("
        + (depth.bottleneck() ? "bottleneck" : "basic")
        + " blocks, v1.5), taps layer1..layer4";
  }

  @Override
  public Backbone create(BackboneSpec spec) {
    return ResNetBackbone.create(depth, spec);
  }

  @Override
  public boolean takesStemPool() {
    return true;
  }

  /** {@code resnet18}. */
  public static final class ResNet18 extends ResNetProvider {
    public ResNet18() {
      super(ResNetDepth.R18);
    }
  }

  /** {@code resnet34}. */
  public static final class ResNet34 extends ResNetProvider {
    public ResNet34() {
      super(ResNetDepth.R34);
    }
  }

  /** {@code resnet50}. */
  public static final class ResNet50 extends ResNetProvider {
    public ResNet50() {
      super(ResNetDepth.R50);
    }
  }

  /** {@code resnet101}. */
  public static final class ResNet101 extends ResNetProvider {
    public ResNet101() {
      super(ResNetDepth.R101);
    }
  }
}
