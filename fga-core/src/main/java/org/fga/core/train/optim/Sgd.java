package org.fga.core.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * SGD as {@code torch.optim.SGD}: {@code g += wd·w; b = μ·b + g} (b = g on the first step); then
 * {@code w -= lr·(g + μ·b)} with Nesterov, else {@code w -= lr·b}.
 */
public final class Sgd extends Optimizer {
  private final double momentum;
  private final boolean nesterov;

  public Sgd(List<ParamGroup> groups, NDManager parent, double momentum, boolean nesterov) {
    super(groups, parent);
    this.momentum = momentum;
    this.nesterov = nesterov;
  }

  @Override
  protected void update(String key, NDArray w, NDArray grad, double lr, double wd) {
    // the gradient is zeroed after the update, so it may serve as scratch space
    NDArray g = wd == 0 ? grad : grad.addi(w.mul(wd));
    if (momentum == 0) {
      w.subi(g.mul(lr));
      return;
    }
    boolean first = !state().containsKey(key);
    NDArray buf = slot(key, m -> g.duplicate());
    if (!first) {
      buf.muli(momentum).addi(g);
    }
    if (nesterov) {
      w.subi(g.add(buf.mul(momentum)).muli(lr));
    } else {
      w.subi(buf.mul(lr));
    }
  }
}
