package org.fga.methods.cal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.Task;
import org.fga.core.method.Batch;
import org.fga.core.method.StepContext;
import org.fga.testkit.TinyData;
import org.junit.jupiter.api.Test;

/**
 * The draws a training step makes on its own (not the fixture's): the counterfactual maps that
 * reach the network must be U(0, 2), not the all-ones test-time maps.
 */
class DrawsTest {
  /** Wraps the step's own draws and keeps every counterfactual map it hands out. */
  private static Draws recording(Draws inner, List<float[]> seen) {
    return new Draws() {
      @Override
      public NDArray counterfactualMaps(NDManager manager, Shape shape) {
        NDArray a = inner.counterfactualMaps(manager, shape);
        seen.add(a.toFloatArray());
        return a;
      }

      @Override
      public int[][] pickMaps(float[] sums, int batch, int maps) {
        return inner.pickMaps(sums, batch, maps);
      }

      @Override
      public double cropTheta(double[] range) {
        return inner.cropTheta(range);
      }

      @Override
      public double dropTheta(double[] range) {
        return inner.dropTheta(range);
      }
    };
  }

  private static void assertUniform02(List<float[]> seen) {
    double sum = 0;
    double sq = 0;
    long n = 0;
    for (float[] a : seen) {
      for (float v : a) {
        assertThat(v).isBetween(0f, 2f);
        sum += v;
        sq += v * v;
        n++;
      }
    }
    double mean = sum / n;
    assertThat(n).isGreaterThan(500);
    assertThat(mean).isCloseTo(1.0, within(0.1));
    assertThat(sq / n - mean * mean).isCloseTo(1.0 / 3, within(0.06)); // variance of U(0, 2)
  }

  private static Batch batch(NDManager m, int n) {
    return TinyData.noiseBatch(m, n, 16, 2);
  }

  @Test
  void calTrainsOnUniformCounterfactualMaps() {
    try (NDManager m = NDManager.newBaseManager()) {
      DatasetInfo info = new DatasetInfo("t", Task.CLASSIFICATION, 2, List.of("a", "b"));
      CalMethod cal = new CalMethod(new CalConfig(null, 8, null, null, null, null, null, null, null,
          null, null, null, null, null, null, null).settings(), ReferenceFixture.oneConvBackbone(), info);
      Engine.getInstance().setRandomSeed(3);
      cal.block().initialize(m, DataType.FLOAT32, new Shape(1, 3, 16, 16));
      List<float[]> seen = new ArrayList<>();
      cal.useDraws(r -> recording(Draws.seeded(r), seen));
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        var l = cal.trainStep(new StepContext(m, new ParameterStore(m, false), true, new Random(5), 0, 0, 1), batch(m, 4));
        gc.backward(l.total());
      }
      assertThat(seen).hasSize(2); // raw and augmented batch
      assertUniform02(seen);
    }
  }

  @Test
  void calReidTrainsOnUniformCounterfactualMaps() {
    try (NDManager m = NDManager.newBaseManager()) {
      DatasetInfo info = new DatasetInfo("t", Task.REID, 2, List.of("a", "b"));
      CalReidMethod reid = new CalReidMethod(new CalReidConfig(null, 8, 4, null, null, null, null, null, null),
          ReferenceFixture.oneConvBackbone(), info);
      Engine.getInstance().setRandomSeed(3);
      reid.block().initialize(m, DataType.FLOAT32, new Shape(1, 3, 16, 16));
      List<float[]> seen = new ArrayList<>();
      reid.useDraws(r -> recording(Draws.seeded(r), seen));
      reid.trainStep(new StepContext(m, new ParameterStore(m, false), true, new Random(5), 0, 0, 1), batch(m, 8));
      assertThat(seen).hasSize(1);
      assertUniform02(seen);
    }
  }
}
