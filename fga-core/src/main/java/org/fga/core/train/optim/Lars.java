package org.fga.core.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * LARS (You et al. 2017) as BYOL and SimCLR use it, and as LCR's {@code optimizers/lars_simclr.py}
 * writes it: for every parameter {@code g ← ∇ + wd·w}, trust ratio {@code η·‖w‖/‖g‖} (1 when
 * either norm is 0), {@code v ← μ·v + lr·trust·g}, {@code w ← w − v}. Parameters of the no-decay
 * groups (BatchNorm γ/β and biases, see {@link Optimizers#groups}) are excluded from both the
 * decay and the adaptation (trust 1), as the reference's {@code exclude_bias_from_adaption}; with
 * {@code schedule.decayNormAndBias: true} every parameter is adapted and decayed.
 *
 * <p>Difference from the reference: {@code lars_simclr.py} reads its velocity with {@code
 * self.state[p].get('velocity', 0)} and never stores it, so its momentum has no effect. Here the
 * velocity is kept, as BYOL's paper (momentum 0.9) describes; {@code schedule.momentum: 0} gives
 * the reference's effective update.
 */
public final class Lars extends Optimizer {
  /** The reference's trust coefficient η ({@code trust_coef=1e-3}). */
  public static final double TRUST_COEFFICIENT = 1e-3;

  private final double momentum;
  private final double trust;

  public Lars(List<ParamGroup> groups, NDManager parent, double momentum, double trust) {
    super(groups, parent);
    this.momentum = momentum;
    this.trust = trust;
  }

  @Override
  protected void update(String key, NDArray w, NDArray grad, double lr, double wd) {
    boolean excluded = key.substring(0, key.lastIndexOf('/')).endsWith("no-decay");
    // the gradient is zeroed after the update, so it may serve as scratch space
    NDArray g = excluded || wd == 0 ? grad : grad.addi(w.mul(wd));
    double ratio = 1.0;
    if (!excluded) {
      double wNorm = w.norm().getFloat();
      double gNorm = g.norm().getFloat();
      ratio = wNorm > 0 && gNorm > 0 ? trust * wNorm / gNorm : 1.0;
    }
    NDArray step = g.mul(lr * ratio);
    if (momentum == 0) {
      w.subi(step);
      return;
    }
    NDArray v = slot(key, m -> w.zerosLike());
    v.muli(momentum).addi(step);
    w.subi(v);
  }
}
