package org.fga.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.List;
import java.util.Random;
import org.fga.core.backbone.Backbone;
import org.fga.core.data.FloatImage;
import org.fga.core.data.Sample;
import org.fga.core.method.Batch;
import org.fga.core.method.Losses;
import org.fga.core.method.Method;
import org.fga.core.method.Outputs;
import org.fga.core.method.StepContext;
import org.junit.jupiter.api.Test;

class AttentionMapsTest {
  /**
   * A method whose map for class c is c·100 + the row-major position, so a test can read off which
   * class was asked for and whether rows and columns stayed in place.
   */
  static final class ClassCodedMaps implements Method {
    @Override
    public NDArray attention(StepContext ctx, Batch batch, NDArray classes) {
      long[] cls = classes.toLongArray();
      float[] v = new float[cls.length * 6];
      for (int i = 0; i < cls.length; i++) {
        for (int p = 0; p < 6; p++) {
          v[i * 6 + p] = cls[i] * 100 + p;
        }
      }
      return ctx.manager().create(v, new Shape(cls.length, 2, 3));
    }

    @Override
    public Block block() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Backbone backbone() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Losses trainStep(StepContext ctx, Batch batch) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Outputs infer(StepContext ctx, Batch batch) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void mapsAreTheGroundTruthClassesAtImageSizeAsRows() {
    try (NDManager m = NDManager.newBaseManager()) {
      List<Sample> samples = List.of(
          Sample.classification("a", FloatImage.zeros(3, 2, 3), 2),
          new Sample("b", FloatImage.zeros(3, 2, 3), -1, new int[] {5, 1}, null, null, null, null, -1, -1),
          Sample.classification("c", FloatImage.zeros(3, 4, 6), 1));
      Batch batch = new Batch(null, null, null, null, null, new int[] {0, 1, 2}, samples);
      StepContext ctx = new StepContext(m, null, false, new Random(0), 0, 0, 0);
      float[][][] maps = AttentionMaps.of(new ClassCodedMaps(), ctx, batch);
      // at the map's own size nothing is resampled: rows are rows
      assertThat(maps[0]).isDeepEqualTo(new float[][] {{200, 201, 202}, {203, 204, 205}});
      // multi-label: the first listed class
      assertThat(maps[1][1]).containsExactly(503, 504, 505);
      // a larger image gets the map resized to it (height 4, width 6), as MapResize.cubic does
      assertThat(maps[2]).hasNumberOfRows(4);
      assertThat(maps[2][0]).hasSize(6);
      float[] flat = MapResize.bicubic(new float[] {100, 101, 102, 103, 104, 105}, 2, 3, 4, 6);
      for (int y = 0; y < 4; y++) {
        for (int x = 0; x < 6; x++) {
          assertThat(maps[2][y][x]).isEqualTo(flat[y * 6 + x]);
        }
      }
    }
  }

  @Test
  void everyPresentClassGetsItsOwnMapInLabelOrder() {
    try (NDManager m = NDManager.newBaseManager()) {
      List<Sample> samples = List.of(
          Sample.classification("a", FloatImage.zeros(3, 2, 3), 2),
          new Sample("b", FloatImage.zeros(3, 2, 3), -1, new int[] {5, 1, 3}, null, null, null, null, -1, -1),
          new Sample("c", FloatImage.zeros(3, 2, 3), -1, new int[] {4}, null, null, null, null, -1, -1));
      Batch batch = new Batch(null, null, null, null, null, new int[] {0, 1, 2}, samples);
      StepContext ctx = new StepContext(m, null, false, new Random(0), 0, 0, 0);
      float[][][][] maps = AttentionMaps.ofEveryPresentClass(new ClassCodedMaps(), ctx, batch);
      assertThat(maps[0]).hasDimensions(1, 2); // a single-label image: its one class
      assertThat(maps[0][0]).isDeepEqualTo(new float[][] {{200, 201, 202}, {203, 204, 205}});
      assertThat(maps[1]).hasDimensions(3, 2); // three classes: three maps, in the labels' order
      assertThat(maps[1][0][1]).containsExactly(503, 504, 505);
      assertThat(maps[1][1][0]).containsExactly(100, 101, 102);
      assertThat(maps[1][2][1]).containsExactly(303, 304, 305);
      assertThat(maps[2]).hasDimensions(1, 2); // fewer classes than the batch's most: no repeats kept
      assertThat(maps[2][0][0]).containsExactly(400, 401, 402);
    }
  }

  @Test
  void theGroundTruthMapsComeFromTheFirstRoundOnlyWhenTheyAreTheSameClass() {
    try (NDManager m = NDManager.newBaseManager()) {
      StepContext ctx = new StepContext(m, null, false, new Random(0), 0, 0, 0);
      List<Sample> same = List.of(
          Sample.classification("a", FloatImage.zeros(3, 2, 3), 2),
          new Sample("b", FloatImage.zeros(3, 2, 3), -1, new int[] {5, 1}, null, null, null, null, -1, -1));
      Batch b1 = new Batch(null, null, null, null, null, new int[] {0, 1}, same);
      float[][][] reused = AttentionMaps.groundTruthFrom(AttentionMaps.ofEveryPresentClass(new ClassCodedMaps(), ctx, b1), b1);
      float[][][] direct = AttentionMaps.of(new ClassCodedMaps(), ctx, b1);
      assertThat(reused).isDeepEqualTo(direct);
      // a label beside a list whose first class is another: the first round is not the ground truth's
      List<Sample> other = List.of(new Sample("c", FloatImage.zeros(3, 2, 3), 1, new int[] {4, 1}, null, null, null, null, -1, -1));
      Batch b2 = new Batch(null, null, null, null, null, new int[] {0}, other);
      assertThat(AttentionMaps.groundTruthFrom(AttentionMaps.ofEveryPresentClass(new ClassCodedMaps(), ctx, b2), b2)).isNull();
    }
  }
}
