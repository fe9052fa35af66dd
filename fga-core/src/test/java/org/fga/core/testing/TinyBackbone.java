package org.fga.core.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.fga.core.backbone.Backbone;
import org.fga.core.backbone.BackboneCfg;
import org.fga.core.backbone.BackboneProvider;
import org.fga.core.backbone.BackboneSpec;
import org.fga.core.backbone.FeatureTap;

/** A two-stage conv net for core tests (the real backbones live in fga-backbones). */
public final class TinyBackbone implements Backbone {
  private final Net net;

  private TinyBackbone(boolean norm) {
    this.net = new Net(norm);
  }

  @Override
  public ai.djl.nn.Block block() {
    return net;
  }

  @Override
  public BackboneCfg cfg() {
    return new BackboneCfg("tiny", 16, new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.25f, 0.25f, 0.25f},
        List.of(new FeatureTap("s1", 8, 2), new FeatureTap("s2", 16, 4)));
  }

  @Override
  public void loadPretrained() {
    // a test model has no published weights
  }

  /** Registers {@code tiny}. */
  public static final class Provider implements BackboneProvider {
    @Override
    public String name() {
      return "tiny";
    }

    @Override
    public Backbone create(BackboneSpec spec) {
      return new TinyBackbone(true);
    }
  }

  /**
   * Registers {@code tiny-nonorm}: the same net without batch norm, whose gradient over a batch is
   * exactly the weighted sum of its shards' (data-parallel tests).
   */
  public static final class NoNormProvider implements BackboneProvider {
    @Override
    public String name() {
      return "tiny-nonorm";
    }

    @Override
    public Backbone create(BackboneSpec spec) {
      return new TinyBackbone(false);
    }
  }

  static final class Net extends AbstractBlock {
    private final org.fga.engine.RoutedConv c1 = addChildBlock("c1", conv(8));
    private final BatchNorm b1;
    private final org.fga.engine.RoutedConv c2 = addChildBlock("c2", conv(16));
    private final BatchNorm b2;

    Net(boolean norm) {
      b1 = norm ? addChildBlock("b1", BatchNorm.builder().build()) : null;
      b2 = norm ? addChildBlock("b2", BatchNorm.builder().build()) : null;
    }

    private static org.fga.engine.RoutedConv conv(int filters) {
      return org.fga.engine.RoutedConv.of(Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2))
          .optPadding(new Shape(1, 1)).setFilters(filters).optBias(false));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
      NDArray s1 = Activation.relu(norm(b1, ps, c1.forward(ps, in, training), training));
      NDArray s2 = Activation.relu(norm(b2, ps, c2.forward(ps, new NDList(s1), training), training));
      return new NDList(s1, s2);
    }

    private static NDArray norm(BatchNorm bn, ParameterStore ps, NDList x, boolean training) {
      return bn == null ? x.head() : bn.forward(ps, x, training).head();
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {
      c1.initialize(m, t, in);
      Shape s1 = c1.getOutputShapes(in)[0];
      c2.initialize(m, t, s1);
      if (b1 != null) {
        b1.initialize(m, t, s1);
        b2.initialize(m, t, c2.getOutputShapes(new Shape[] {s1})[0]);
      }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
      Shape s1 = c1.getOutputShapes(in)[0];
      return new Shape[] {s1, c2.getOutputShapes(new Shape[] {s1})[0]};
    }
  }
}
