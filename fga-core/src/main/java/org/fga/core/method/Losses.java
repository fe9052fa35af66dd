package org.fga.core.method;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * What one training step computed: the scalar to minimise and its named parts for the log.
 *
 * @param total the scalar the trainer back-propagates
 * @param terms named scalar parts (already weighted as they enter {@code total}), in log order
 */
public record Losses(NDArray total, Map<String, NDArray> terms) {}
