package org.fga.backbones.resnet;

/** The four torchvision ResNets: residual block kind and blocks per stage. */
public enum ResNetDepth {
  R18("resnet18", false, 2, 2, 2, 2),
  R34("resnet34", false, 3, 4, 6, 3),
  R50("resnet50", true, 3, 4, 6, 3),
  R101("resnet101", true, 3, 4, 23, 3);

  private final String arch;
  private final boolean bottleneck;
  private final int[] blocks;

  ResNetDepth(String arch, boolean bottleneck, int... blocks) {
    this.arch = arch;
    this.bottleneck = bottleneck;
    this.blocks = blocks;
  }

  public String arch() {
    return arch;
  }

  public boolean bottleneck() {
    return bottleneck;
  }

  /** Residual blocks in layer {@code stage} (0-based). */
  public int blocks(int stage) {
    return blocks[stage];
  }

  /** Output channels per input plane: 4 for bottlenecks, 1 for basic blocks. */
  public int expansion() {
    return bottleneck ? 4 : 1;
  }
}
