package org.fga.core.method;

import ai.djl.ndarray.NDArray;

/**
 * What inference returns.
 *
 * @param logits B×C class scores (before softmax/sigmoid), or null for embedding-only methods
 * @param embedding B×D features for retrieval and re-ID, or null
 */
public record Outputs(NDArray logits, NDArray embedding) {}
