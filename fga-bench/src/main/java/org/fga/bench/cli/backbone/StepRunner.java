package org.fga.bench.cli.backbone;

import org.fga.perf.CpuClock;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import java.util.List;
import java.util.Random;
import org.fga.backbones.nn.NoGrad;

/**
 * Times one network's forward pass and training step. The same code drives our blocks and the
 * TorchScript modules, so any gap is the networks', not the harness's: the input is built before
 * the clock starts; a train step is forward, softmax cross-entropy, backward and a plain SGD
 * update of every trainable parameter, then the gradients are zeroed. One {@link ParameterStore}
 * serves every iteration, as in DJL's trainer.
 */
final class StepRunner {
  private static final float LR = 1e-4f;
  private static final Loss LOSS = Loss.softmaxCrossEntropyLoss();

  private final NDManager manager;
  private final Block evalBlock;
  private final Block trainBlock;
  private final List<NDArray> trainable;
  private final int classes;

  /**
   * @param evalBlock runs the forward benchmark (inference mode)
   * @param trainBlock runs the train step (BN on batch statistics)
   * @param trainable the parameters the SGD step updates
   * @param cpuClock CPU nanoseconds of whatever runs the kernels (see {@link CpuClock})
   */
  StepRunner(
      NDManager manager,
      Block evalBlock,
      Block trainBlock,
      List<NDArray> trainable,
      int classes,
      java.util.function.LongSupplier cpuClock) {
    this.manager = manager;
    this.cpuClock = cpuClock;
    // One store for the whole run, as DJL's Trainer keeps one.
    this.store = new ParameterStore(manager, false);
    this.evalBlock = evalBlock;
    this.trainBlock = trainBlock;
    this.trainable = List.copyOf(trainable);
    this.classes = classes;
  }

  /**
   * Wall-clock and CPU seconds of one iteration. On a busy machine time spent waiting for a core
   * counts in wall-clock time only.
   */
  record Timing(double wall, double cpu) {}

  private final java.util.function.LongSupplier cpuClock;
  private final ParameterStore store;

  private Timing since(long wall0, long cpu0) {
    return new Timing((System.nanoTime() - wall0) / 1e9, (cpuClock.getAsLong() - cpu0) / 1e9);
  }

  /** One inference forward pass on a fresh batch. */
  Timing forward(int batch, int size, long seed) {
    try (NDManager it = manager.newSubManager()) {
      NDArray x = input(it, batch, size, seed);
      long cpu0 = cpuClock.getAsLong();
      long t0 = System.nanoTime();
      NDArray out = evalBlock.forward(store, new NDList(x), false).head();
      checkLogits(out, batch);
      return since(t0, cpu0);
    }
  }

  /** One training step on a fresh batch. */
  Timing trainStep(int batch, int size, long seed) {
    try (NDManager it = manager.newSubManager()) {
      NDArray x = input(it, batch, size, seed);
      NDArray y = labels(it, batch, seed);
      long cpu0 = cpuClock.getAsLong();
      long t0 = System.nanoTime();
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray out = trainBlock.forward(store, new NDList(x), true).head();
        checkLogits(out, batch);
        gc.backward(LOSS.evaluate(new NDList(y), new NDList(out)));
      }
      NoGrad.run(
          () -> {
            for (NDArray p : trainable) {
              NDArray g = p.getGradient();
              g.attach(it);
              p.subi(g.mul(LR));
              JniUtils.zeroGrad((PtNDArray) p);
            }
          });
      return since(t0, cpu0);
    }
  }

  private void checkLogits(NDArray out, int batch) {
    if (!out.getShape().equals(new Shape(batch, classes))) {
      throw new IllegalStateException("logits of shape " + out.getShape());
    }
  }

  private static NDArray input(NDManager m, int batch, int size, long seed) {
    Random r = new Random(seed);
    float[] v = new float[batch * 3 * size * size];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return m.create(v, new Shape(batch, 3, size, size));
  }

  private NDArray labels(NDManager m, int batch, long seed) {
    Random r = new Random(seed + 1);
    long[] y = new long[batch];
    for (int i = 0; i < batch; i++) {
      y[i] = r.nextInt(classes);
    }
    return m.create(y);
  }
}
