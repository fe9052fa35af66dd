package org.fga.methods.ssl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fga.backbones.weights.Tensor;
import org.fga.backbones.weights.WeightFiles;
import org.fga.core.backbone.Backbone;
import org.fga.core.backbone.BackboneCfg;
import org.fga.core.backbone.FeatureTap;

/**
 * The tensors src/test/python/make_lcr_fixtures.py wrote by running GANPerf/LCR's BYOL and MoCo
 * modules, and the one-conv backbone the fixtures replace ResNet-50 with.
 */
final class LcrFixture {
  /** Channels of the one-conv backbone; a 16-px image gives a 4×4 map. */
  static final int CHANNELS = 6;

  private final Map<String, Tensor> tensors;

  LcrFixture(String name) {
    try {
      this.tensors = WeightFiles.read(Path.of(LcrFixture.class.getResource("/reference/" + name).toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  Tensor tensor(String key) {
    Tensor t = tensors.get(key);
    if (t == null) {
      throw new IllegalArgumentException("fixture has no " + key + "; it has " + tensors.keySet());
    }
    return t;
  }

  NDArray get(NDManager m, String key) {
    Tensor t = tensor(key);
    return m.create(t.toFloats(), new Shape(t.shape()));
  }

  float[] floats(String key) {
    return tensor(key).toFloats();
  }

  float scalar(String key) {
    return floats(key)[0];
  }

  /** Sets the given parameters, in order, to the fixture's {@code prefix + name}. */
  void load(List<Parameter> params, String prefix, List<String> names) {
    if (params.size() != names.size()) {
      throw new IllegalStateException(params.size() + " parameters but names " + names);
    }
    for (int i = 0; i < params.size(); i++) {
      NDArray a = params.get(i).getArray();
      Tensor t = tensor(prefix + names.get(i));
      if (!new Shape(t.shape()).equals(a.getShape())) {
        throw new IllegalStateException(params.get(i).getName() + " " + a.getShape() + " vs " + names.get(i));
      }
      a.set(t.toFloats());
    }
  }

  void load(Block block, String prefix, List<String> names) {
    load(block.getParameters().values(), prefix, names);
  }

  /** ResNet-50 replaced by one 4×4 stride-4 convolution without bias + ReLU (a one-stage backbone). */
  static Backbone oneConvBackbone() {
    Block block = new OneConv();
    BackboneCfg cfg = new BackboneCfg("one-conv", 16, new float[] {0, 0, 0}, new float[] {1, 1, 1},
        List.of(new FeatureTap("conv", CHANNELS, 4)));
    return new Backbone() {
      @Override
      public Block block() {
        return block;
      }

      @Override
      public BackboneCfg cfg() {
        return cfg;
      }

      @Override
      public void loadPretrained() {}
    };
  }

  private static final class OneConv extends AbstractBlock {
    private final Block conv = addChildBlock("conv", Conv2d.builder().setKernelShape(new Shape(4, 4))
        .optStride(new Shape(4, 4)).setFilters(CHANNELS).optBias(false).build());

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
      return new NDList(ai.djl.nn.Activation.relu(conv.forward(ps, in, training).singletonOrThrow()));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
      conv.initialize(manager, dataType, inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
      return conv.getOutputShapes(inputShapes);
    }
  }
}
