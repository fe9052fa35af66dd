package org.fga.backbones.vgg;

import org.fga.core.backbone.Backbone;
import org.fga.core.backbone.BackboneProvider;
import org.fga.core.backbone.BackboneSpec;

/** Registers torchvision's VGG-16 with and without BN; the nested classes are what is bound. */
public abstract class VggProvider implements BackboneProvider {
  private final String arch;
  private final boolean batchNorm;

  protected VggProvider(String arch, boolean batchNorm) {
    this.arch = arch;
    this.batchNorm = batchNorm;
  }

  @Override
  public String name() {
    return arch;
  }

  @Override
  public String description() {
    return "torchvision " + arch + ", taps stage1..stage5 (after each max-pool)";
  }

  @Override
  public Backbone create(BackboneSpec spec) {
    return VggBackbone.create(arch, batchNorm, spec);
  }

  /** {@code vgg16}. */
  public static final class Vgg16 extends VggProvider {
    public Vgg16() {
      super("vgg16", false);
    }
  }

  /** {@code vgg16_bn}. */
  public static final class Vgg16Bn extends VggProvider {
    public Vgg16Bn() {
      super("vgg16_bn", true);
    }
  }
}
