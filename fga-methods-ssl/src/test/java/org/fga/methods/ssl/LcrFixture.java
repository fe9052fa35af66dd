package org.fga.methods.ssl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Map;
import org.fga.core.backbone.Backbone;
import org.fga.core.io.NdArray;
import org.fga.testkit.ReferenceTensors;
import org.fga.testkit.StandInBackbones;

/**
 * The tensors src/test/python/make_lcr_fixtures.py wrote by running GANPerf/LCR's BYOL and MoCo
 * modules, and the one-conv backbone the fixtures replace ResNet-50 with.
 */
final class LcrFixture {
  /** Channels of the one-conv backbone; a 16-px image gives a 4×4 map. */
  static final int CHANNELS = 6;

  private final Map<String, NdArray> tensors;

  LcrFixture(String name) {
    this.tensors = ReferenceTensors.read(LcrFixture.class, "/reference/" + name);
  }

  NdArray tensor(String key) {
    NdArray t = tensors.get(key);
    if (t == null) {
      throw new IllegalArgumentException("fixture has no " + key + "; it has " + tensors.keySet());
    }
    return t;
  }

  NDArray get(NDManager m, String key) {
    return ReferenceTensors.array(m, tensor(key));
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
      NdArray t = tensor(prefix + names.get(i));
      if (!java.util.Arrays.equals(t.longShape(), a.getShape().getShape())) {
        throw new IllegalStateException(params.get(i).getName() + " " + a.getShape() + " vs " + names.get(i));
      }
      a.set(t.toFloats());
    }
  }

  void load(Block block, String prefix, List<String> names) {
    load(block.getParameters().values(), prefix, names);
  }

  /** ResNet-50 replaced by one 4×4 stride-4 convolution without bias + ReLU, as the generator does. */
  static Backbone oneConvBackbone() {
    return StandInBackbones.oneConv(CHANNELS, 4, 16);
  }
}
