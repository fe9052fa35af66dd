package org.fga.core.train.optim;

import ai.djl.nn.Parameter;
import java.util.List;

/**
 * Parameters that share a learning-rate multiplier and a weight decay.
 *
 * @param name for logs, e.g. {@code backbone/decay}
 * @param parameters trainable parameters of the group
 * @param lrMult the group's rate is the scheduled rate times this
 * @param weightDecay the group's decay (0 for norms and biases unless asked)
 */
public record ParamGroup(String name, List<Parameter> parameters, double lrMult, double weightDecay) {}
