package org.fga.core.train;

import ai.djl.engine.Engine;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.fga.core.method.Batch;
import org.fga.core.method.Losses;
import org.fga.core.method.Method;
import org.fga.core.method.StepContext;
import org.fga.core.spec.ScheduleSpec;
import org.fga.core.train.optim.Optimizer;

/**
 * One optimisation step on one device, exactly as {@link Trainer#fit} takes it: the method's
 * training step under a gradient collector, the check of the loss before anything changes, the
 * backward pass, the clip and the optimiser's update at {@code lr}, then the method's after-step
 * hook (EMA targets, queues). Public so that a test can drive a whole run's steps on the
 * reference's own batches and draws and compare the trajectory with the reference's.
 */
public final class TrainStep {
  private TrainStep() {}

  /**
   * Takes the step and returns its loss terms and their total ({@code loss}).
   *
   * @param beforeUpdate sees the terms before the backward pass; throwing there (a NaN loss) leaves
   *     the weights as they were
   */
  public static Map<String, Float> take(
      Method method, StepContext ctx, Batch batch, Optimizer opt, ScheduleSpec s, double lr,
      Consumer<Map<String, Float>> beforeUpdate) {
    Map<String, Float> values = new LinkedHashMap<>();
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      Losses losses = method.trainStep(ctx, batch);
      Trainer.record(losses, 1.0, values);
      beforeUpdate.accept(values);
      gc.backward(losses.total());
    }
    Trainer.update(opt, s, lr);
    method.afterStep(ctx);
    return values;
  }
}
