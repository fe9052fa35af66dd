package org.fga.core.data.transform;

import java.util.Random;
import org.fga.core.data.Sample;
import org.fga.core.data.SampleTransform;

/** Applies a step with probability {@code p} (torchvision's {@code RandomApply}). */
public final class WithProbability implements SampleTransform {
  private final double p;
  private final SampleTransform step;

  private WithProbability(double p, SampleTransform step) {
    this.p = p;
    this.step = step;
  }

  /** {@code step} itself when p is 1 (no coin is drawn, so the random stream is unchanged). */
  public static SampleTransform of(double p, SampleTransform step) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1], got " + p);
    }
    return p == 1 ? step : new WithProbability(p, step);
  }

  @Override
  public Sample apply(Sample s, Random random) {
    return random.nextDouble() < p ? step.apply(s, random) : s;
  }
}
