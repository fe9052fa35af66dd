package org.fga.backbones.vgg;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.norm.Dropout;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import org.fga.backbones.ClassifierNetwork;
import org.fga.backbones.StridePlan;
import org.fga.backbones.TorchBackbone;
import org.fga.backbones.nn.Layers;
import org.fga.backbones.nn.TorchSequential;
import org.fga.core.backbone.BackboneCfg;
import org.fga.core.backbone.BackboneSpec;
import org.fga.core.backbone.FeatureTap;

/** A torchvision VGG-16(-BN) built from a spec; taps {@code stage1} ... {@code stage5}. */
public final class VggBackbone extends TorchBackbone {
  /** torchvision pools the last map to 7×7 before the classifier. */
  private static final Shape POOLED = new Shape(7, 7);

  private final int lastChannels;
  private final int width;
  private final boolean batchNorm;

  private VggBackbone(BackboneSpec spec, BackboneCfg cfg, Vgg block, int width, boolean batchNorm) {
    super(spec, cfg, block);
    this.batchNorm = batchNorm;
    this.lastChannels = block.channels(block.stages() - 1);
    this.width = width;
  }

  /** Builds VGG-16 ({@code batchNorm} false) or VGG-16-BN with the spec's strides and width. */
  public static VggBackbone create(String arch, boolean batchNorm, BackboneSpec spec) {
    int width = width(spec);
    int n = Vgg.VGG16_CONVS.length;
    boolean[] pools = new boolean[n];
    int[] strides = new int[n];
    int stride = 1;
    for (int stage = 0; stage < n; stage++) {
      pools[stage] = StridePlan.downsamples(spec, stride, stage == n - 1);
      stride *= pools[stage] ? 2 : 1;
      strides[stage] = stride;
    }
    Vgg block = new Vgg(Vgg.VGG16_CONVS, width, batchNorm, pools);
    List<FeatureTap> taps = new ArrayList<>();
    for (int stage = 0; stage < n; stage++) {
      taps.add(new FeatureTap("stage" + (stage + 1), block.channels(stage), strides[stage]));
    }
    BackboneCfg cfg =
        new BackboneCfg(arch, 224, IMAGENET_MEAN.clone(), IMAGENET_STD.clone(), List.copyOf(taps));
    return new VggBackbone(spec, cfg, block, width, batchNorm);
  }

  @Override
  public VggBackbone twin() {
    return create(cfg().arch(), batchNorm, spec());
  }

  @Override
  public List<String> headPrefixes() {
    return List.of("classifier.");
  }

  @Override
  public String stemWeightName() {
    return "features.0.weight";
  }

  /**
   * {@code avgpool} (adaptive, to 7×7) → flatten → {@code classifier}: Linear, ReLU, Dropout,
   * Linear, ReLU, Dropout, Linear. The hidden width is 4096 scaled by {@code width / 64}.
   */
  @Override
  public ClassifierNetwork classifier(int numClasses) {
    int hidden = 4096 * width / TORCHVISION_WIDTH;
    TorchSequential head =
        new TorchSequential()
            .add(Layers.linearNormal(hidden, 0.01f))
            .add(Activation.reluBlock())
            .add(Dropout.builder().optRate(0.5f).build())
            .add(Layers.linearNormal(hidden, 0.01f))
            .add(Activation.reluBlock())
            .add(Dropout.builder().optRate(0.5f).build())
            .add(Layers.linearNormal(numClasses, 0.01f));
    return new ClassifierNetwork(
        block(),
        VggBackbone::adaptivePool,
        s -> new Shape(s.get(0), lastChannels, POOLED.get(0), POOLED.get(1)),
        "classifier",
        head);
  }

  private static NDArray adaptivePool(NDArray x) {
    return JniUtils.adaptiveAvgPool((PtNDArray) x, POOLED);
  }
}
