package org.fga.core.train.optim;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.fga.core.spec.ScheduleSpec;

/** Builds the optimiser of a schedule, with the parameter groups the spec asks for. */
public final class Optimizers {
  private Optimizers() {}

  /**
   * Splits trainable parameters into backbone / new-layer groups (the backbone's rate is scaled by
   * {@code backboneLrMult}) and decay / no-decay groups (BatchNorm gamma and beta and biases are not
   * decayed unless {@code decayNormAndBias}).
   */
  public static List<ParamGroup> groups(
      Collection<Parameter> all, Collection<Parameter> backbone, ScheduleSpec s) {
    Map<Parameter, Boolean> inBackbone = new IdentityHashMap<>();
    backbone.forEach(p -> inBackbone.put(p, true));
    List<Parameter> bbDecay = new ArrayList<>();
    List<Parameter> bbNoDecay = new ArrayList<>();
    List<Parameter> headDecay = new ArrayList<>();
    List<Parameter> headNoDecay = new ArrayList<>();
    for (Parameter p : all) {
      if (!p.requiresGradient()) {
        continue;
      }
      boolean decay = s.decayNormAndBias() || !isNormOrBias(p);
      boolean bb = inBackbone.containsKey(p);
      (bb ? (decay ? bbDecay : bbNoDecay) : (decay ? headDecay : headNoDecay)).add(p);
    }
    List<ParamGroup> groups = new ArrayList<>();
    double wd = s.weightDecay();
    addIfAny(groups, "backbone/decay", bbDecay, s.backboneLrMult(), wd);
    addIfAny(groups, "backbone/no-decay", bbNoDecay, s.backboneLrMult(), 0);
    addIfAny(groups, "head/decay", headDecay, 1.0, wd);
    addIfAny(groups, "head/no-decay", headNoDecay, 1.0, 0);
    return groups;
  }

  private static void addIfAny(
      List<ParamGroup> groups, String name, List<Parameter> ps, double lrMult, double wd) {
    if (!ps.isEmpty()) {
      groups.add(new ParamGroup(name, ps, lrMult, wd));
    }
  }

  static boolean isNormOrBias(Parameter p) {
    return switch (p.getType()) {
      case BIAS, GAMMA, BETA -> true;
      default -> false;
    };
  }

  public static Optimizer create(ScheduleSpec s, List<ParamGroup> groups, NDManager manager) {
    return switch (s.optimizer()) {
      case "sgd" -> new Sgd(groups, manager, s.momentum(), s.nesterov());
      case "adam" -> new Adam(groups, manager, s.betas().get(0), s.betas().get(1), s.eps(), false);
      case "adamw" -> new Adam(groups, manager, s.betas().get(0), s.betas().get(1), s.eps(), true);
      case "lars" -> new Lars(groups, manager, s.momentum(), Lars.TRUST_COEFFICIENT);
      default -> throw new IllegalArgumentException("unknown optimizer " + s.optimizer());
    };
  }
}
