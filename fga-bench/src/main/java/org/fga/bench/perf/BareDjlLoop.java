package org.fga.bench.perf;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Arrays;
import java.util.Random;
import org.fga.perf.Medians;
import org.fga.core.backbone.Backbone;
import org.fga.core.backbone.BackboneSpec;
import org.fga.core.baseline.GapLinearBlock;
import org.fga.core.plugin.Plugins;

/**
 * The reference for the trainer-overhead benchmark: the same baseline network trained with DJL's
 * own {@link Trainer}, loss and SGD, on batches copied from the Java heap every step.
 */
public final class BareDjlLoop {
  private BareDjlLoop() {}

  /** Median milliseconds per step after {@code warmup} steps. */
  public static double medianMillis(Plugins plugins, String arch, Integer width, int size, int batch, int warmup, int steps) {
    return medianMillis(plugins, arch, width, size, batch, warmup, steps, System::nanoTime);
  }

  /** As above, timed by {@code clock} (nanoseconds), e.g. the training thread's CPU time. */
  public static double medianMillis(Plugins plugins, String arch, Integer width, int size, int batch,
      int warmup, int steps, java.util.function.LongSupplier clock) {
    BackboneSpec bs = width == null ? BackboneSpec.of(arch) : BackboneSpec.of(arch).withWidth(width);
    Backbone backbone = plugins.backbones().get(arch).create(bs);
    int classes = 10;
    GapLinearBlock block = new GapLinearBlock(backbone.block(), backbone.cfg().stages().size() - 1,
        backbone.cfg().last().channels(), classes);
    Random r = new Random(1);
    float[] images = new float[batch * 3 * size * size];
    for (int i = 0; i < images.length; i++) {
      images[i] = r.nextFloat();
    }
    float[] labels = new float[batch];
    for (int i = 0; i < batch; i++) {
      labels[i] = r.nextInt(classes);
    }
    long[] nanos = new long[warmup + steps];
    try (Model model = Model.newInstance("bare")) {
      model.setBlock(block);
      DefaultTrainingConfig config =
          new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
              .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.01f))
                  .optMomentum(0.9f).optWeightDecays(1e-4f).build());
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(batch, 3, size, size));
        for (int s = 0; s < nanos.length; s++) {
          long t0 = clock.getAsLong();
          try (NDManager m = trainer.getManager().newSubManager()) {
            NDArray x = m.create(images, new Shape(batch, 3, size, size));
            NDArray y = m.create(labels);
            try (GradientCollector gc = trainer.newGradientCollector()) {
              NDList pred = trainer.forward(new NDList(x));
              NDArray loss = trainer.getLoss().evaluate(new NDList(y), new NDList(pred.head()));
              gc.backward(loss);
              loss.getFloat(); // the fga trainer reads the loss every step too
            }
            trainer.step();
          }
          nanos[s] = clock.getAsLong() - t0;
        }
      }
    }
    return Medians.of(Arrays.copyOfRange(nanos, warmup, nanos.length)) / 1e6;
  }
}
