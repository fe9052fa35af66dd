package org.fga.core.method;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.Random;

/**
 * Everything a method may use during one step.
 *
 * @param manager a manager closed after the step: create every temporary array here
 * @param parameters the parameter store to pass to {@code Block.forward}
 * @param training whether this is a training step (dropout, BN statistics update)
 * @param random seeded per step from the experiment seed, so a resumed run draws the same numbers
 * @param epoch zero-based epoch
 * @param step zero-based global step
 * @param totalSteps steps of the whole run
 */
public record StepContext(
    NDManager manager,
    ParameterStore parameters,
    boolean training,
    Random random,
    int epoch,
    long step,
    long totalSteps) {}
