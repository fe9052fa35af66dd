package org.fga.testkit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.Task;
import org.fga.core.method.Batch;
import org.fga.core.method.StepContext;

/** Tiny inputs for method tests: noise batches, dataset descriptions and step contexts. */
public final class TinyData {
  private TinyData() {}

  /**
   * {@code n} standard-normal images of {@code size}² (drawn from libtorch's generator, so seed it
   * for reproducible numbers) with labels {@code i mod classes}: with two classes, every batch of
   * four or more has positives and negatives for a triplet loss.
   */
  public static Batch noiseBatch(NDManager m, int n, int size, int classes) {
    NDArray images = m.randomNormal(new Shape(n, 3, size, size));
    long[] labels = new long[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % classes;
    }
    return new Batch(images, m.create(labels), null, null, null, new int[n], List.of());
  }

  /** A dataset of {@code classes} classes named {@code a, b, c, ...}. */
  public static DatasetInfo info(Task task, int classes) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < classes; i++) {
      names.add(String.valueOf((char) ('a' + i)));
    }
    return new DatasetInfo("toy", task, classes, names);
  }

  /** A step context over a fresh parameter store, with its own seeded generator. */
  public static StepContext context(NDManager m, boolean training, long seed, int epoch, long step, long totalSteps) {
    return new StepContext(m, new ParameterStore(m, false), training, new Random(seed), epoch, step, totalSteps);
  }

  /** Deletes a temporary folder and what it holds; what cannot be deleted is left. */
  public static void deleteQuietly(java.nio.file.Path dir) {
    try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException e) {
      // a temporary folder: the system cleans it up
    }
  }
}
