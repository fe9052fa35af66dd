package org.fga.core.train;

import java.util.Map;

/** Called after every training step; benchmarks use it to time steps and sample memory. */
@FunctionalInterface
public interface StepListener {
  /**
   * @param step 1-based count of steps done
   * @param nanos wall time of this step, loading wait included
   * @param terms the step's loss terms
   */
  void onStep(long step, long nanos, Map<String, Float> terms);
}
