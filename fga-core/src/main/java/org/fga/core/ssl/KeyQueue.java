package org.fga.core.ssl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Map;

/**
 * MoCo's queue of negative keys (LCR {@code moco/builder.py:46-51, 94-108}): K slots of D-dimensional
 * L2-normalised keys, started from normalised Gaussian noise; each step writes the batch's keys at
 * the pointer, which then moves on by the batch size modulo K (K must be a multiple of the batch).
 * Stored K×D (the reference keeps D×K; {@link #keys()} is the transpose of its {@code queue}).
 * The arrays are created in their own manager and live as long as the queue; {@link #state()}
 * exposes them for checkpoints so that a resumed run continues with the same negatives.
 */
public final class KeyQueue {
  private final int size;
  private final NDArray keys;
  private final NDArray pointer;

  /**
   * @param manager owns the queue (not a step's manager)
   * @param size K
   * @param dim D
   */
  public KeyQueue(NDManager manager, int size, int dim) {
    this.size = size;
    NDArray noise = manager.randomNormal(new Shape(size, dim));
    this.keys = noise.div(noise.norm(new int[] {1}, true).maximum(1e-12f));
    this.pointer = manager.zeros(new Shape(1), DataType.INT64);
  }

  /** K×D keys (a constant for the loss). */
  public NDArray keys() {
    return keys;
  }

  public int size() {
    return size;
  }

  /** Where the next batch of keys goes. */
  public int pointer() {
    return (int) pointer.getLong(0);
  }

  /** Replaces the B oldest keys by {@code batch} (B×D, normalised) and moves the pointer. */
  public void enqueue(NDArray batch) {
    int b = (int) batch.getShape().get(0);
    if (size % b != 0) {
      throw new org.fga.core.error.FgaUserException(
          "the key queue size " + size + " is not a multiple of the batch size " + b
              + " (MoCo writes whole batches): change method.queueSize or schedule.batchSize");
    }
    boolean gradMode = JniUtils.isGradMode();
    JniUtils.setGradMode(false);
    try {
      int p = pointer();
      keys.set(new NDIndex(p + ":" + (p + b)), batch.stopGradient());
      pointer.set(new NDIndex(0), (long) ((p + b) % size));
    } finally {
      JniUtils.setGradMode(gradMode);
    }
  }

  /** The arrays a checkpoint must hold: {@code <prefix>keys} and {@code <prefix>pointer}. */
  public Map<String, NDArray> state(String prefix) {
    return Map.of(prefix + "keys", keys, prefix + "pointer", pointer);
  }
}
