package org.fga.core.train;

import org.fga.core.spec.ScheduleSpec;

/**
 * The learning rate as a function of the fractional epoch, evaluated every iteration. Warm-up
 * scales linearly from {@code warmupFactor} to 1 over {@code warmupEpochs}; the decay rules are
 * those of {@link ScheduleSpec#lrSchedule()}. With {@code lrUpdate: epoch} the fractional epoch is
 * cut to the epoch's start, which is what a scheduler stepped once per epoch computes.
 */
public final class LrSchedule {
  private final ScheduleSpec s;

  public LrSchedule(ScheduleSpec s) {
    this.s = s;
  }

  /** The base learning rate at fractional epoch {@code e} (step / steps-per-epoch). */
  public double lr(double fractionalEpoch) {
    double e = s.lrPerEpoch() ? Math.floor(fractionalEpoch) : fractionalEpoch;
    double lr = s.lr();
    double total = s.epochs();
    double decayed =
        switch (s.lrSchedule()) {
          case "constant" -> lr;
          case "step" -> lr * Math.pow(s.gamma(), Math.floor(e / s.stepEpochs()));
          case "multistep" -> lr * Math.pow(s.gamma(), s.milestones().stream().filter(m -> m <= e).count());
          case "exponential" -> lr * Math.pow(s.gamma(), e / s.stepEpochs());
          case "poly" -> lr * Math.pow(Math.max(0, 1 - e / total), s.power());
          case "cosine" -> {
            double w = s.warmupEpochs();
            double t = total > w ? Math.min(1, Math.max(0, (e - w) / (total - w))) : 1;
            yield s.minLr() + (lr - s.minLr()) * 0.5 * (1 + Math.cos(Math.PI * t));
          }
          default -> throw new IllegalArgumentException("unknown lrSchedule " + s.lrSchedule());
        };
    if (e < s.warmupEpochs()) {
      double f = s.warmupFactor() + (1 - s.warmupFactor()) * e / s.warmupEpochs();
      return decayed * f;
    }
    return decayed;
  }
}
