package org.fga.core.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Base of our optimisers. DJL's own optimisers take one learning rate for all parameters and do not
 * expose their state for checkpoints; a run that must resume bit-exactly with per-group rates needs
 * both, so the update rules (PyTorch's, see each subclass) are written out here.
 */
public abstract class Optimizer implements AutoCloseable {
  protected final List<ParamGroup> groups;
  /** Owns the state arrays (momentum buffers, moments): they live as long as the optimiser. */
  protected final NDManager stateManager;
  private final Map<String, NDArray> state = new LinkedHashMap<>();
  protected long steps;
  /** The manager of the update under way; temporaries made from state slots go there. */
  private NDManager stepManager;

  protected Optimizer(List<ParamGroup> groups, NDManager parent) {
    this.groups = List.copyOf(groups);
    this.stateManager = parent.newSubManager();
  }

  /** Applies one update with base learning rate {@code lr}, then clears the gradients. */
  public final void step(double lr) {
    steps++;
    // In-place updates of leaves that require gradients are only legal with autograd off; grad
    // mode is per thread in libtorch and starts on in a new thread, so set it here, not globally.
    boolean gradMode = JniUtils.isGradMode();
    JniUtils.setGradMode(false);
    // Results of operations on a weight attach to the weight's manager; a temporary attachment
    // sends them (and the gradient handles) to one manager closed right after the update instead.
    try (NDManager tmp = stateManager.newSubManager()) {
      stepManager = tmp;
      for (ParamGroup g : groups) {
        double groupLr = lr * g.lrMult();
        for (int i = 0; i < g.parameters().size(); i++) {
          NDArray w = g.parameters().get(i).getArray();
          w.tempAttach(tmp);
          // A parameter no backward has reached yet has no gradient at all (PyTorch's
          // `p.grad is None`): torch.optim skips it, so neither decay nor momentum moves it.
          // Methods that switch parts of their network on later (Coarse2Fine's second stage)
          // rely on this to leave those parts at their initial values until then.
          NDArray grad = JniUtils.getGradient((PtNDArray) w);
          if (grad == null) {
            continue;
          }
          update(g.name() + "/" + i, w, grad, groupLr, g.weightDecay());
          // PyTorch accumulates into .grad: zero it in place for the next step
          JniUtils.zeroGrad((PtNDArray) w);
        }
      }
    } finally {
      stepManager = null;
      JniUtils.setGradMode(gradMode);
    }
  }

  /** One parameter's update; {@code key} names its state slots stably across runs. */
  protected abstract void update(String key, NDArray weight, NDArray grad, double lr, double wd);

  /**
   * A state slot, created by {@code init} on first use and kept for checkpoints. It is attached to
   * the update's manager until the update ends, so that results of operations on it (which DJL
   * attaches to their first operand's manager) are freed with the update, not kept with the state.
   */
  protected final NDArray slot(String key, Function<NDManager, NDArray> init) {
    NDArray a =
        state.computeIfAbsent(
            key,
            k -> {
              NDArray created = init.apply(stateManager);
              created.attach(stateManager);
              return created;
            });
    a.tempAttach(stepManager);
    return a;
  }

  /** Steps taken so far (Adam's bias correction needs it). */
  public long steps() {
    return steps;
  }

  /** Every state array by stable key, for checkpoints. */
  public Map<String, NDArray> state() {
    return state;
  }

  /** Restores state saved by {@link #state()} and the step count. */
  public void restore(Map<String, NDArray> saved, long savedSteps) {
    for (NDArray a : state.values()) {
      a.close();
    }
    state.clear();
    for (Map.Entry<String, NDArray> e : saved.entrySet()) {
      NDArray copy = e.getValue().duplicate();
      copy.attach(stateManager);
      state.put(e.getKey(), copy);
    }
    this.steps = savedSteps;
  }

  public List<ParamGroup> groups() {
    return groups;
  }

  /** All trainable parameters of all groups. */
  public List<Parameter> parameters() {
    List<Parameter> all = new ArrayList<>();
    groups.forEach(g -> all.addAll(g.parameters()));
    return all;
  }

  @Override
  public void close() {
    stateManager.close();
  }
}
