package org.fga.backbones.resnet;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;
import org.fga.backbones.ClassifierNetwork;
import org.fga.backbones.StridePlan;
import org.fga.backbones.TorchBackbone;
import org.fga.backbones.nn.Layers;
import org.fga.core.backbone.BackboneCfg;
import org.fga.core.backbone.BackboneSpec;
import org.fga.core.backbone.FeatureTap;

/** A torchvision ResNet built from a spec; taps {@code layer1} ... {@code layer4}. */
public final class ResNetBackbone extends TorchBackbone {
  private static final int STEM_STRIDE = 4;

  private final ResNetDepth depth;

  private ResNetBackbone(ResNetDepth depth, BackboneSpec spec, BackboneCfg cfg, ResNet block) {
    super(spec, cfg, block);
    this.depth = depth;
  }

  /** Builds the ResNet of {@code depth} with the strides and width {@code spec} asks for. */
  public static ResNetBackbone create(ResNetDepth depth, BackboneSpec spec) {
    int width = width(spec);
    int[] strides = new int[4];
    strides[0] = 1;
    int stride = spec.pooledStem() ? STEM_STRIDE : STEM_STRIDE / 2;
    List<Integer> tapStrides = new ArrayList<>();
    tapStrides.add(stride);
    for (int stage = 1; stage < 4; stage++) {
      strides[stage] = StridePlan.downsamples(spec, stride, stage == 3) ? 2 : 1;
      stride *= strides[stage];
      tapStrides.add(stride);
    }
    ResNet block = new ResNet(depth, width, strides, spec.pooledStem());
    List<FeatureTap> taps = new ArrayList<>();
    for (int stage = 0; stage < 4; stage++) {
      taps.add(new FeatureTap("layer" + (stage + 1), block.channels(stage), tapStrides.get(stage)));
    }
    BackboneCfg cfg =
        new BackboneCfg(
            depth.arch(), 224, IMAGENET_MEAN.clone(), IMAGENET_STD.clone(), List.copyOf(taps));
    return new ResNetBackbone(depth, spec, cfg, block);
  }

  @Override
  public ResNetBackbone twin() {
    return create(depth, spec());
  }

  @Override
  public List<String> headPrefixes() {
    return List.of("fc.");
  }

  @Override
  public String stemWeightName() {
    return "conv1.weight";
  }

  /** {@code avgpool} (global average) → flatten → {@code fc}: torchvision's head. */
  @Override
  public ClassifierNetwork classifier(int numClasses) {
    return new ClassifierNetwork(
        block(),
        Pool::globalAvgPool2d,
        s -> new Shape(s.get(0), s.get(1)),
        "fc",
        Layers.linear(numClasses));
  }
}
