package org.fga.methods.cal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.PairList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.fga.core.backbone.Backbone;
import org.fga.core.io.NdArray;
import org.fga.testkit.ReferenceTensors;
import org.fga.testkit.StandInBackbones;

/**
 * The tensors that src/test/python/make_cal_fixtures.py wrote by running raoyongming/CAL's modules,
 * and the pieces that let fga run the same computation: the one-conv backbone the fixtures replace
 * the reference backbones with, and a {@link Draws} that hands out the reference's draws.
 */
final class ReferenceFixture {
  /** Channels of the one-conv backbone; a 16-px image gives a 4×4 map. */
  static final int CHANNELS = 6;

  private final Map<String, NdArray> tensors;

  ReferenceFixture(String name) {
    this.tensors = ReferenceTensors.read(ReferenceFixture.class, "/reference/" + name);
  }

  NDArray get(NDManager m, String key) {
    NdArray t = tensors.get(key);
    if (t == null) {
      throw new IllegalArgumentException("fixture has no " + key + "; it has " + tensors.keySet());
    }
    return ReferenceTensors.array(m, t);
  }

  float[] floats(String key) {
    return tensors.get(key).toFloats();
  }

  float scalar(String key) {
    return floats(key)[0];
  }

  NDArray labels(NDManager m, String key) {
    return get(m, key).toType(DataType.INT64, false);
  }

  /**
   * Copies the fixture's weights into {@code block}: its parameters, in the order DJL lists them,
   * take the torch names given (same order as the reference module's state_dict).
   */
  void load(Block block, List<String> torchNames) {
    PairList<String, Parameter> params = block.getParameters();
    if (params.size() != torchNames.size()) {
      throw new IllegalStateException("block has " + params.keys() + ", fixture names " + torchNames);
    }
    for (int i = 0; i < params.size(); i++) {
      NDArray a = params.valueAt(i).getArray();
      NdArray t = tensors.get("w." + torchNames.get(i));
      if (t == null || !new Shape(t.longShape()).equals(a.getShape())) {
        throw new IllegalStateException(params.keyAt(i) + " " + a.getShape() + " vs " + torchNames.get(i));
      }
      a.set(t.toFloats());
    }
  }

  /** The reference backbones replaced by one 4×4 stride-4 convolution without bias + ReLU. */
  static Backbone oneConvBackbone() {
    return StandInBackbones.oneConv(CHANNELS, 4, 16);
  }

  /** The fixture's keys, in the order the generator wrote them. */
  java.util.Set<String> keys() {
    return tensors.keySet();
  }

  /** The draws the reference made, in the order it made them. */
  Draws draws(NDManager m, List<String> counterfactualKeys) {
    return draws(m, counterfactualKeys, "draw.picks", "draw.crop_theta", "draw.drop_theta");
  }

  /** The draws of one step of a multi-step fixture: {@code draw.<step>.*}. */
  Draws stepDraws(NDManager m, int step) {
    String p = "draw." + step + ".";
    return draws(m, List.of(p + "cf_raw", p + "cf_aug"), p + "picks", p + "crop", p + "drop");
  }

  private Draws draws(NDManager m, List<String> counterfactualKeys, String picksKey, String cropKey, String dropKey) {
    Deque<NDArray> maps = new ArrayDeque<>();
    for (String k : counterfactualKeys) {
      maps.add(get(m, k));
    }
    float[] picks = tensors.containsKey(picksKey) ? floats(picksKey) : new float[0];
    Deque<Float> crop = queue(tensors.containsKey(cropKey) ? floats(cropKey) : new float[0]);
    Deque<Float> drop = queue(tensors.containsKey(dropKey) ? floats(dropKey) : new float[0]);
    return new Draws() {
      @Override
      public NDArray counterfactualMaps(NDManager manager, Shape shape) {
        NDArray a = maps.removeFirst();
        if (!a.getShape().equals(shape)) {
          throw new IllegalStateException("counterfactual maps " + a.getShape() + " asked " + shape);
        }
        return a;
      }

      @Override
      public int[][] pickMaps(float[] sums, int batch, int count) {
        int[][] out = new int[batch][2];
        for (int i = 0; i < batch; i++) {
          out[i][0] = (int) picks[2 * i];
          out[i][1] = (int) picks[2 * i + 1];
        }
        return out;
      }

      @Override
      public double cropTheta(double[] range) {
        return crop.removeFirst();
      }

      @Override
      public double dropTheta(double[] range) {
        return drop.removeFirst();
      }
    };
  }

  private static Deque<Float> queue(float[] v) {
    Deque<Float> q = new ArrayDeque<>();
    for (float f : v) {
      q.add(f);
    }
    return q;
  }
}
