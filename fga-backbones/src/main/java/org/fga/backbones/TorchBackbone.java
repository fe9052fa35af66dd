package org.fga.backbones;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fga.backbones.nn.TorchNames;
import org.fga.backbones.weights.WeightLoader;
import org.fga.core.backbone.Backbone;
import org.fga.core.backbone.BackboneCfg;
import org.fga.core.backbone.BackboneSpec;

/**
 * A backbone whose parameters carry torchvision names, so torchvision / timm weight files load
 * into it, and which can be completed into the full torchvision classifier.
 */
public abstract class TorchBackbone implements Backbone {
  /** ImageNet channel means (RGB, inputs in [0, 1]), as torchvision's weights expect. */
  public static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};

  /** ImageNet channel standard deviations. */
  public static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

  /** torchvision's base width; {@link BackboneSpec#width()} defaults to it. */
  public static final int TORCHVISION_WIDTH = 64;

  private final BackboneSpec spec;
  private final BackboneCfg cfg;
  private final Block block;

  protected TorchBackbone(BackboneSpec spec, BackboneCfg cfg, Block block) {
    this.spec = spec;
    this.cfg = cfg;
    this.block = block;
  }

  /** The width a spec asks for, torchvision's when unset. */
  protected static int width(BackboneSpec spec) {
    int w = spec.width() == null ? TORCHVISION_WIDTH : spec.width();
    if (w < 1) {
      throw new org.fga.core.error.FgaUserException(
          "backbone.width must be a positive channel count, got " + w);
    }
    return w;
  }

  public BackboneSpec spec() {
    return spec;
  }

  @Override
  public BackboneCfg cfg() {
    return cfg;
  }

  @Override
  public Block block() {
    return block;
  }

  /** The backbone's parameters by torchvision name. */
  public Map<String, Parameter> namedParameters() {
    return TorchNames.of(block);
  }

  /**
   * The torchvision name prefixes of the classifier head ({@code fc.} for ResNet), which a
   * headless backbone skips when it reads a full torchvision weight file.
   */
  public abstract List<String> headPrefixes();

  /**
   * The name of the first convolution's weight, whose output channels are the base width: lets a
   * caller build the model a weight file was made for ({@code conv1.weight} for ResNet).
   */
  public abstract String stemWeightName();

  /**
   * The whole torchvision classifier around this backbone's block (shared, not copied): pooling
   * and a fresh head of {@code numClasses} outputs. Initialise it instead of {@link #block()}.
   */
  public abstract ClassifierNetwork classifier(int numClasses);

  /**
   * A second, independent backbone of the same spec (architecture, strides, width, weights file)
   * with its own, not yet initialised parameters: for methods that run two copies, e.g.
   * Coarse2Fine's separate fine stage. Its {@link #loadPretrained()} loads the same file.
   */
  public abstract TorchBackbone twin();

  /** The alias in {@code allowMissing} for this backbone's classifier head. */
  public static final String HEAD_ALIAS = "head";

  /**
   * Loads {@link BackboneSpec#weights()} into the backbone block, strictly (see {@link
   * WeightLoader}); the file's classifier head, if any, is skipped.
   */
  @Override
  public void loadPretrained() {
    if (spec.weights() != null) {
      loader(headPrefixes()).load(block, Path.of(spec.weights()));
    }
  }

  /**
   * Loads {@link BackboneSpec#weights()} into a classifier network made by {@link
   * #classifier(int)}, head included: a head of another class count needs {@code allowMissing}
   * {@code head} (or its prefix, {@code fc.}).
   */
  public WeightLoader.Report loadClassifier(ClassifierNetwork network) {
    if (spec.weights() == null) {
      throw new org.fga.core.error.FgaUserException(
          "backbone " + cfg.arch() + " has no weights file to load");
    }
    return loader(List.of()).load(network, Path.of(spec.weights()));
  }

  private WeightLoader loader(List<String> ignoreUnexpected) {
    List<String> allow = new java.util.ArrayList<>();
    for (String p : spec.allowMissing()) {
      if (p.equals(HEAD_ALIAS)) {
        allow.addAll(headPrefixes());
      } else {
        allow.add(p);
      }
    }
    return WeightLoader.builder()
        .optAllowMissing(allow)
        .optIgnoreUnexpected(ignoreUnexpected)
        .build();
  }
}
