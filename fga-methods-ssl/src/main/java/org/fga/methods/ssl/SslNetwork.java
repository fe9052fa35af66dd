package org.fga.methods.ssl;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.fga.core.nn.Pooling;

/**
 * The whole network of a BYOL or MoCo method: the online encoder, its target (EMA) copy, BYOL's
 * predictor and LCR's branch (each null when the method has none).
 *
 * <p>The target is a child of this block so that it is initialised, moved, step-attached and
 * checkpointed with everything else (a resumed run continues from the exact target); its
 * parameters are frozen, so the optimiser never sees them and only {@link
 * org.fga.core.ssl.Ema} moves them.
 */
final class SslNetwork extends AbstractBlock {
  private final Encoder online;
  private final Encoder target;
  private final Mlp predictor;
  private final RationaleBranch branch;
  private List<Parameter> onlineTrainable;
  private List<Parameter> targetTrainable;

  SslNetwork(Encoder online, Encoder target, Mlp predictor, RationaleBranch branch) {
    this.online = addChildBlock("online", online);
    this.target = addChildBlock("target", target);
    this.predictor = predictor == null ? null : addChildBlock("predictor", predictor);
    this.branch = branch == null ? null : addChildBlock("branch", branch);
  }

  Encoder online() {
    return online;
  }

  Encoder target() {
    return target;
  }

  Mlp predictor() {
    return predictor;
  }

  RationaleBranch branch() {
    return branch;
  }

  /** The online encoder's parameters that the EMA follows, in the order of {@link #targetParameters}. */
  List<Parameter> onlineParameters() {
    return onlineTrainable;
  }

  List<Parameter> targetParameters() {
    return targetTrainable;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(Pooling.gap(online.features(ps, inputs.singletonOrThrow(), training)));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    online.initialize(manager, dataType, inputShapes);
    target.initialize(manager, dataType, inputShapes);
    Shape f = online.featureShape(inputShapes);
    if (predictor != null) {
      predictor.initialize(manager, dataType, online.getOutputShapes(inputShapes));
    }
    if (branch != null) {
      branch.initialize(manager, dataType, f);
    }
    target.freezeParameters(true);
    // the EMA pairs: every parameter a gradient trains (torch's parameters(), not the BN buffers)
    onlineTrainable = new ArrayList<>();
    targetTrainable = new ArrayList<>();
    List<Parameter> o = online.getParameters().values();
    List<Parameter> t = target.getParameters().values();
    for (int i = 0; i < o.size(); i++) {
      if (o.get(i).requiresGradient()) {
        onlineTrainable.add(o.get(i));
        targetTrainable.add(t.get(i));
      }
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape f = online.featureShape(inputShapes);
    return new Shape[] {new Shape(f.get(0), f.get(1))};
  }
}
