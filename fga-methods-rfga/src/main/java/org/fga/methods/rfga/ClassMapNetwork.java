package org.fga.methods.rfga;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import org.fga.engine.RoutedConv;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.fga.backbones.nn.Layers;
import org.fga.core.nn.Pooling;

/**
 * Backbone → one stage's features → (RFGA module, or nothing for the CAM row) → 1×1 convolution to
 * K class maps → global average pooling to K logits. Forward returns {@code [logits B×K, class maps
 * B×K×h×w, calibrated features B×C×h×w]}: the class map of class c is the CAM of c (the classifier
 * is linear, so pooling its map equals classifying the pooled features).
 */
public final class ClassMapNetwork extends AbstractBlock {
  private final Block backbone;
  private final TripleViewAttention attention;
  private final RoutedConv classifier;
  private final int tapIndex;
  private final int channels;

  /**
   * @param attention the module between the backbone and the classifier, or null (plain CAM)
   * @param linearInit initialise the classifier as PyTorch's nn.Linear (else Kaiming fan-out)
   */
  public ClassMapNetwork(Block backbone, int tapIndex, int channels, int numClasses, TripleViewAttention attention,
      boolean linearInit) {
    this.backbone = addChildBlock("backbone", backbone);
    this.attention = attention == null ? null : addChildBlock("rfga", attention);
    // kaiming_normal_(fan_out), N(0, 2 / K), as the reference's MoANA model initialises its 1x1
    // convolution classifier; bias from zero (only the logits' offset: the maps are normalised).
    // linearInit: PyTorch's nn.Linear default, U(±1/sqrt(C)), as the reference's CAM row
    // classifies the pooled features with an nn.Linear (MoANA Localization/models/resnet.py:140).
    // Pooling a 1x1 convolution's maps equals that linear layer, not its initialisation: with 4
    // classes the fan-out init is 14 times wider (issue #25, configs/rfga/tables/fashion_cam_reference.yaml).
    this.classifier = addChildBlock("classifier", Layers.conv(numClasses, 1, 1, 0, true));
    if (linearInit) {
      classifier.setInitializer(Layers.TORCH_LINEAR_DEFAULT, ai.djl.nn.Parameter.Type.WEIGHT);
    }
    this.tapIndex = tapIndex;
    this.channels = channels;
  }

  public Block backbone() {
    return backbone;
  }

  /** The 1×1 convolution that turns features into class maps. */
  public RoutedConv classifier() {
    return classifier;
  }

  /** The RFGA module, or null in the CAM network. */
  public TripleViewAttention attention() {
    return attention;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray features = backbone.forward(ps, inputs, training, params).get(tapIndex);
    if (attention != null) {
      features = attention.forward(ps, new NDList(features), training).singletonOrThrow();
    }
    NDArray maps = classifier.forward(ps, new NDList(features), training).singletonOrThrow();
    return new NDList(Pooling.gap(maps), maps, features);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    backbone.initialize(manager, dataType, inputShapes);
    Shape f = backbone.getOutputShapes(inputShapes)[tapIndex];
    if (attention != null) {
      attention.initialize(manager, dataType, f);
    }
    classifier.initialize(manager, dataType, f);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape f = backbone.getOutputShapes(inputShapes)[tapIndex];
    Shape m = classifier.getOutputShapes(new Shape[] {f})[0];
    return new Shape[] {new Shape(m.get(0), m.get(1)), m, f};
  }

  int channels() {
    return channels;
  }
}
