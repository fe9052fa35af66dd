package org.fga.methods.gain;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fga.backbones.resnet.ResNetProvider;
import org.fga.core.backbone.BackboneSpec;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.Task;
import org.fga.core.method.Batch;
import org.fga.core.method.Losses;
import org.fga.core.method.StepContext;

/** A ResNet-18 of width 4 on 32 px images, and helpers to run and inspect one step. */
final class TinyGain {
  static final int SIZE = 32;
  static final int CLASSES = 3;
  /** layer2 of a 32 px input is 4×4, so maps are not degenerate. */
  static final String TAP = "layer2";

  private TinyGain() {}

  static GainMethod method(NDManager m, GainSettings settings, Task task) {
    Engine.getInstance().setRandomSeed(7);
    var backbone = new ResNetProvider.ResNet18().create(BackboneSpec.of("resnet18").withWidth(4));
    GainMethod method = new GainMethod(settings, backbone, new DatasetInfo("tiny", task, CLASSES, List.of("a", "b", "c")));
    method.block().initialize(m, DataType.FLOAT32, new Shape(1, 3, SIZE, SIZE));
    return method;
  }

  static GainSettings settings(boolean fastCam, boolean freezeBn) {
    return new GainConfig(TAP, null, null, null, null, freezeBn, fastCam, null, null, null, null, null).settings();
  }

  /** B random images with labels 0,1,2,0,...; masks are a centred square, present on every image. */
  static Batch batch(NDManager m, int b, boolean multiLabel) {
    NDArray images = m.randomNormal(new Shape(b, 3, SIZE, SIZE));
    long[] labels = new long[b];
    float[] targets = new float[b * CLASSES];
    float[] masks = new float[b * SIZE * SIZE];
    float[] has = new float[b];
    int[] indices = new int[b];
    for (int i = 0; i < b; i++) {
      labels[i] = i % CLASSES;
      targets[i * CLASSES + i % CLASSES] = 1;
      if (i % 2 == 1) {
        targets[i * CLASSES + (i + 1) % CLASSES] = 1; // every second image has two classes
      }
      for (int y = 8; y < 24; y++) {
        for (int x = 8; x < 24; x++) {
          masks[i * SIZE * SIZE + y * SIZE + x] = 1;
        }
      }
      has[i] = 1;
      indices[i] = i;
    }
    return new Batch(
        images,
        multiLabel ? null : m.create(labels),
        multiLabel ? m.create(targets, new Shape(b, CLASSES)) : null,
        m.create(masks, new Shape(b, 1, SIZE, SIZE)),
        m.create(has),
        indices,
        List.of());
  }

  static StepContext context(NDManager m, boolean training) {
    return new StepContext(m, new ParameterStore(m, false), training, new Random(0), 0, 0, 1);
  }

  /** One training step as the trainer runs it: trainStep and backward of the total, in a collector. */
  static Losses step(GainMethod method, StepContext ctx, Batch batch) {
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      Losses losses = method.trainStep(ctx, batch);
      gc.backward(losses.total());
      return losses;
    }
  }

  static Map<String, float[]> gradients(Block block) {
    Map<String, float[]> out = new LinkedHashMap<>();
    for (var p : block.getParameters()) {
      if (p.getValue().requiresGradient()) {
        out.put(p.getKey(), p.getValue().getArray().getGradient().toFloatArray());
      }
    }
    return out;
  }

  static void zeroGradients(Block block) {
    for (Parameter p : block.getParameters().values()) {
      if (p.requiresGradient()) {
        NDArray g = p.getArray().getGradient();
        g.subi(g);
      }
    }
  }

  static float[] copy(Parameter p) {
    return p.getArray().toFloatArray();
  }
}
