package org.fga.eval.wsol;

import org.fga.core.error.FgaUserException;

/**
 * The thresholds τ_k = k · step for k = 0 … T−1, T = ⌈1/step⌉: exactly the values of numpy's
 * {@code np.arange(0, 1, step)}, computed the same way so comparisons with them agree bit for bit.
 */
public final class ThresholdGrid {
  private final double step;
  private final double inverseStep;
  private final double[] tau;

  public ThresholdGrid(double step) {
    if (!(step > 0 && step < 1)) {
      throw new FgaUserException("threshold step must be in (0, 1), got " + step);
    }
    int t = (int) Math.ceil(1.0 / step);
    if (t > 100_000) {
      throw new FgaUserException("threshold step " + step + " gives " + t + " thresholds; at most 100000");
    }
    this.step = step;
    this.inverseStep = 1.0 / step;
    this.tau = new double[t];
    for (int k = 0; k < t; k++) {
      tau[k] = k * step;
    }
  }

  public double step() {
    return step;
  }

  /** Number of thresholds T. */
  public int size() {
    return tau.length;
  }

  public double tau(int k) {
    return tau[k];
  }

  /** The largest k with τ_k ≤ v, for v in [0, 1]: the last threshold at which v is in the mask. */
  public int indexOf(double v) {
    int k = (int) (v * inverseStep); // a guess, settled exactly below
    if (k >= tau.length) {
      k = tau.length - 1;
    } else if (k < 0) {
      k = 0;
    }
    // The guess can be off by one either way; settle with exact comparisons.
    while (k + 1 < tau.length && tau[k + 1] <= v) {
      k++;
    }
    while (k > 0 && tau[k] > v) {
      k--;
    }
    return k;
  }
}
