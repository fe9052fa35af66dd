package org.fga.core.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * Adam and AdamW as {@code torch.optim.Adam}/{@code AdamW}: Adam adds {@code wd·w} to the gradient
 * (L2); AdamW first shrinks {@code w *= 1 − lr·wd} (decoupled). Then {@code m = β1·m + (1−β1)·g},
 * {@code v = β2·v + (1−β2)·g²}, {@code w -= lr·m̂ / (√v̂ + ε)} with bias-corrected m̂, v̂.
 */
public final class Adam extends Optimizer {
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final boolean decoupled;

  public Adam(
      List<ParamGroup> groups,
      NDManager parent,
      double beta1,
      double beta2,
      double eps,
      boolean decoupled) {
    super(groups, parent);
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.decoupled = decoupled;
  }

  @Override
  protected void update(String key, NDArray w, NDArray grad, double lr, double wd) {
    if (decoupled && wd != 0) {
      w.muli(1 - lr * wd);
    }
    // the gradient is zeroed after the update, so it may serve as scratch space
    NDArray g = !decoupled && wd != 0 ? grad.addi(w.mul(wd)) : grad;
    NDArray m = slot(key + "/m", mgr -> w.zerosLike());
    NDArray v = slot(key + "/v", mgr -> w.zerosLike());
    m.muli(beta1).addi(g.mul(1 - beta1));
    v.muli(beta2).addi(g.mul(g).muli(1 - beta2));
    double bc1 = 1 - Math.pow(beta1, steps);
    double bc2 = 1 - Math.pow(beta2, steps);
    NDArray denom = v.div(bc2).sqrt().addi(eps);
    w.subi(m.div(denom).muli(lr / bc1));
  }
}
