package org.fga.core.ssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.fga.core.error.FgaUserException;
import org.junit.jupiter.api.Test;

/** MoCo's queue: normalised start, batches written at the pointer, wrap-around, whole batches only. */
class KeyQueueTest {
  @Test
  void enqueueReplacesTheOldestKeysAndWrapsAround() {
    try (NDManager m = NDManager.newBaseManager()) {
      KeyQueue q = new KeyQueue(m, 6, 4);
      float[] norms = q.keys().norm(new int[] {1}).toFloatArray();
      for (float n : norms) {
        assertThat(n).isCloseTo(1f, within(1e-5f));
      }
      NDArray first = m.ones(new Shape(3, 4)).mul(0.5);
      NDArray second = m.ones(new Shape(3, 4)).mul(-0.5);
      NDArray third = m.full(new Shape(3, 4), 0.25f);
      q.enqueue(first);
      assertThat(q.pointer()).isEqualTo(3);
      q.enqueue(second);
      assertThat(q.pointer()).isEqualTo(0);
      q.enqueue(third);
      assertThat(q.pointer()).isEqualTo(3);
      assertThat(q.keys().get(new NDIndex("0:3")).toFloatArray()).containsOnly(0.25f);
      assertThat(q.keys().get(new NDIndex("3:6")).toFloatArray()).containsOnly(-0.5f);
      assertThat(q.state("queue.")).containsKeys("queue.keys", "queue.pointer");
      assertThatThrownBy(() -> q.enqueue(m.ones(new Shape(4, 4))))
          .isInstanceOf(FgaUserException.class).hasMessageContaining("multiple of the batch size 4");
    }
  }
}
