package org.fga.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.fga.core.nn.Scalars;
import org.fga.core.train.optim.Adam;
import org.fga.core.train.optim.Optimizer;
import org.fga.core.train.optim.ParamGroup;
import org.fga.core.train.optim.Sgd;
import org.junit.jupiter.api.Test;

/**
 * The update rules against PyTorch's, written out by hand for f(w) = w²/2 + 3w (gradient w + 3)
 * from w = 1 with lr 0.1 and weight decay 0.01.
 */
class OptimizerTest {
  private static final double LR = 0.1;
  private static final double WD = 0.01;

  private static double[] run(java.util.function.BiFunction<List<ParamGroup>, NDManager, Optimizer> make, int steps) {
    try (NDManager m = NDManager.newBaseManager()) {
      Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
      p.setArray(m.create(new float[] {1f}));
      p.getArray().setRequiresGradient(true);
      double[] trace = new double[steps];
      try (Optimizer opt = make.apply(List.of(new ParamGroup("all", List.of(p), 1.0, WD)), m)) {
        for (int s = 0; s < steps; s++) {
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray w = p.getArray();
            gc.backward(Scalars.div(w.mul(w), 2).add(Scalars.mul(w, 3)).sum()); // Scalars: see LarsTest
          }
          opt.step(LR);
          trace[s] = p.getArray().toType(DataType.FLOAT64, false).getDouble(0);
        }
      }
      return trace;
    }
  }

  private static double grad(double w) {
    return w + 3 + WD * w;
  }

  @Test
  void sgdWithMomentumFollowsTorch() {
    double[] got = run((g, m) -> new Sgd(g, m, 0.9, false), 3);
    double w = 1;
    double buf = 0;
    for (int s = 0; s < 3; s++) {
      double g = grad(w);
      buf = s == 0 ? g : 0.9 * buf + g;
      w -= LR * buf;
      assertThat(got[s]).as("step %d", s).isCloseTo(w, within(1e-6));
    }
  }

  @Test
  void nesterovFollowsTorch() {
    double[] got = run((g, m) -> new Sgd(g, m, 0.9, true), 3);
    double w = 1;
    double buf = 0;
    for (int s = 0; s < 3; s++) {
      double g = grad(w);
      buf = s == 0 ? g : 0.9 * buf + g;
      w -= LR * (g + 0.9 * buf);
      assertThat(got[s]).as("step %d", s).isCloseTo(w, within(1e-6));
    }
  }

  @Test
  void adamAndAdamWFollowTorch() {
    for (boolean decoupled : new boolean[] {false, true}) {
      double[] got = run((g, m) -> new Adam(g, m, 0.9, 0.999, 1e-8, decoupled), 3);
      double w = 1;
      double mo = 0;
      double v = 0;
      for (int s = 1; s <= 3; s++) {
        double g;
        if (decoupled) {
          w *= 1 - LR * WD;
          g = w + 3;
        } else {
          g = grad(w);
        }
        // AdamW decays before the gradient is read here only because f's gradient is taken at the
        // pre-decay weight in the implementation; recompute it the same way.
        if (decoupled) {
          g = (w / (1 - LR * WD)) + 3;
        }
        mo = 0.9 * mo + 0.1 * g;
        v = 0.999 * v + 0.001 * g * g;
        double mh = mo / (1 - Math.pow(0.9, s));
        double vh = v / (1 - Math.pow(0.999, s));
        w -= LR * mh / (Math.sqrt(vh) + 1e-8);
        assertThat(got[s - 1]).as("decoupled=%s step %d", decoupled, s).isCloseTo(w, within(1e-5));
      }
    }
  }

  @Test
  void normAndBiasParametersAreNotDecayedUnlessAsked() {
    Parameter bias = Parameter.builder().setName("b").setType(Parameter.Type.BIAS).optShape(new Shape(1)).build();
    Parameter gamma = Parameter.builder().setName("g").setType(Parameter.Type.GAMMA).optShape(new Shape(1)).build();
    Parameter weight = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).optShape(new Shape(1)).build();
    var spec = org.fga.core.spec.ScheduleSpec.defaults();
    var groups = org.fga.core.train.optim.Optimizers.groups(List.of(bias, gamma, weight), List.of(weight), spec);
    assertThat(groups).extracting(ParamGroup::name).containsExactly("backbone/decay", "head/no-decay");
    assertThat(groups.get(1).weightDecay()).isZero();
    assertThat(groups.get(1).parameters()).containsExactly(bias, gamma);
  }

  /**
   * torch.optim skips a parameter whose {@code .grad} is None: one that no backward has reached
   * keeps its value under weight decay and momentum, then trains normally once a loss uses it.
   */
  @Test
  void parameterNoBackwardReachedIsLeftAloneUntilALossUsesIt() {
    try (NDManager m = NDManager.newBaseManager()) {
      Parameter used = Parameter.builder().setName("used").setType(Parameter.Type.WEIGHT).build();
      Parameter idle = Parameter.builder().setName("idle").setType(Parameter.Type.WEIGHT).build();
      used.setArray(m.create(new float[] {1f}));
      idle.setArray(m.create(new float[] {2f}));
      used.getArray().setRequiresGradient(true);
      idle.getArray().setRequiresGradient(true);
      try (Optimizer opt = new Sgd(List.of(new ParamGroup("all", List.of(used, idle), 1.0, WD)), m, 0.9, false)) {
        for (int s = 0; s < 2; s++) {
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(Scalars.mul(used.getArray(), 3).sum());
          }
          opt.step(LR);
        }
        assertThat(idle.getArray().getFloat()).isEqualTo(2f);
        assertThat(used.getArray().getFloat()).isLessThan(1f);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          gc.backward(Scalars.mul(idle.getArray(), 3).sum());
        }
        opt.step(LR);
        // first update of `idle`: b = g = 3 + wd·2, w = 2 − lr·b
        assertThat((double) idle.getArray().getFloat()).isCloseTo(2 - LR * (3 + WD * 2), within(1e-6));
      }
    }
  }
}
