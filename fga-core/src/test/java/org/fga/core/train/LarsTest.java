package org.fga.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.fga.core.nn.Scalars;
import org.fga.core.train.optim.Lars;
import org.fga.core.train.optim.ParamGroup;
import org.junit.jupiter.api.Test;

/**
 * LARS against LCR's {@code optimizers/lars_simclr.py} written out by hand for f(w) = Σ w²/2 + 3w
 * (gradient w + 3) from w = (1, 2): a weight of the decay group is adapted (trust η‖w‖/‖g + wd·w‖)
 * and decayed; a no-decay parameter (BatchNorm, bias) is neither.
 */
class LarsTest {
  private static final double LR = 0.5;
  private static final double WD = 0.01;
  private static final double ETA = 1e-3;

  private static double[][] run(double momentum, int steps) {
    try (NDManager m = NDManager.newBaseManager()) {
      Parameter w = param(m, "w");
      Parameter b = param(m, "b");
      double[][] trace = new double[steps][];
      List<ParamGroup> groups = List.of(new ParamGroup("head/decay", List.of(w), 1.0, WD),
          new ParamGroup("head/no-decay", List.of(b), 1.0, 0));
      try (Lars opt = new Lars(groups, m, momentum, ETA)) {
        for (int s = 0; s < steps; s++) {
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray total = loss(w.getArray()).add(loss(b.getArray()));
            gc.backward(total);
          }
          opt.step(LR);
          float[] a = w.getArray().toFloatArray();
          float[] c = b.getArray().toFloatArray();
          trace[s] = new double[] {a[0], a[1], c[0], c[1]};
        }
      }
      return trace;
    }
  }

  private static Parameter param(NDManager m, String name) {
    Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).build();
    p.setArray(m.create(new float[] {1f, 2f}));
    p.getArray().setRequiresGradient(true);
    return p;
  }

  private static NDArray loss(NDArray w) {
    // Scalars: a Number operand saved for the backward would be freed before it (see Scalars)
    return Scalars.div(w.mul(w), 2).add(Scalars.mul(w, 3)).sum();
  }

  private static void check(double momentum) {
    double[][] got = run(momentum, 3);
    double[] w = {1, 2};
    double[] b = {1, 2};
    double[] vw = {0, 0};
    double[] vb = {0, 0};
    for (int s = 0; s < 3; s++) {
      double[] g = {w[0] + 3 + WD * w[0], w[1] + 3 + WD * w[1]};
      double trust = ETA * Math.hypot(w[0], w[1]) / Math.hypot(g[0], g[1]);
      for (int i = 0; i < 2; i++) {
        vw[i] = momentum * vw[i] + LR * trust * g[i];
        w[i] -= vw[i];
        vb[i] = momentum * vb[i] + LR * (b[i] + 3); // excluded: no decay, trust 1
        b[i] -= vb[i];
      }
      assertThat(got[s][0]).as("w0 step %d", s).isCloseTo(w[0], within(1e-6));
      assertThat(got[s][1]).as("w1 step %d", s).isCloseTo(w[1], within(1e-6));
      assertThat(got[s][2]).as("b0 step %d", s).isCloseTo(b[0], within(1e-5));
      assertThat(got[s][3]).as("b1 step %d", s).isCloseTo(b[1], within(1e-5));
    }
  }

  @Test
  void withoutMomentumItIsTheReferencesEffectiveUpdate() {
    check(0);
  }

  @Test
  void momentumKeepsItsVelocityAsBYOLsPaperDescribes() {
    check(0.9);
  }
}
