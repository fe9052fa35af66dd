package org.fga.methods.cal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * The counterfactual intervention of CAL: the learned attention is replaced by random maps drawn
 * from U(0, 2) in training (all ones at test), pooled by the same BAP; the effect of the learned
 * attention on the prediction is {@code Y(A) − Y(Ā)}.
 */
public final class Counterfactual {
  private Counterfactual() {}

  /**
   * Maps shaped like {@code like}: U(0, 2) from {@code random} in training, ones otherwise. Drawn
   * on the host from the step's seeded generator so a resumed run sees the same maps.
   */
  public static NDArray maps(NDManager manager, Shape like, boolean training, Random random) {
    if (!training) {
      return manager.ones(like);
    }
    float[] v = new float[(int) like.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = 2f * random.nextFloat();
    }
    return manager.create(v, like);
  }

  /**
   * Effect logits {@code fc(s·feat) − fc(s·feat_cf)}, where {@code feat_cf} pools the features
   * with the counterfactual maps.
   */
  public static NDArray effect(
      BapNetwork net, ai.djl.training.ParameterStore ps, NDArray logits, NDArray features,
      NDArray cfMaps, boolean training) {
    NDArray cf = Bap.feature(features, cfMaps);
    return logits.sub(net.classify(ps, cf, training));
  }
}
