package org.fga.core.evaluate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import org.fga.core.data.Sample;
import org.fga.core.method.Batch;
import org.fga.core.method.Method;
import org.fga.core.method.StepContext;

/**
 * The attention maps the localisation metrics score: the method's map for each image's
 * ground-truth class (the first listed class for multi-label images), resized to the image as
 * wsolevaluation's {@code inference.py} does ({@code cv2.resize(..., INTER_CUBIC)} of the float64
 * CAM, {@link MapResize#cubic}) and kept in float32 as rows, {@code [H][W]}: the one shape they are
 * stored in from here to the metrics and the overlays.
 */
final class AttentionMaps {
  private AttentionMaps() {}

  /** One {@code [H][W]} map per image of the batch, at that image's size. */
  static float[][][] of(Method method, StepContext ctx, Batch batch) {
    int n = batch.size();
    long[] cls = new long[n];
    for (int i = 0; i < n; i++) {
      cls[i] = groundTruthClass(batch.samples().get(i));
    }
    return atImageSize(method.attention(ctx, batch, ctx.manager().create(cls)), batch, i -> true);
  }

  /** The class whose map the localisation metrics score: the label, else the first listed class, else 0. */
  static int groundTruthClass(Sample s) {
    return s.label() >= 0 ? s.label() : (s.labels() != null && s.labels().length > 0 ? s.labels()[0] : 0);
  }

  /** The classes present in an image: its labels in order, or its one label. */
  static int[] presentClasses(Sample s) {
    return s.labels() != null && s.labels().length > 0 ? s.labels() : new int[] {Math.max(0, s.label())};
  }

  /**
   * Per image, the map of every class present ({@link #presentClasses}), each at the image's size:
   * one {@code attention} call per round, round r asking each image for its r-th class (an image
   * with fewer classes repeats its last, and the repeat is dropped).
   */
  static float[][][][] ofEveryPresentClass(Method method, StepContext ctx, Batch batch) {
    int n = batch.size();
    int[][] present = new int[n][];
    int rounds = 0;
    for (int i = 0; i < n; i++) {
      present[i] = presentClasses(batch.samples().get(i));
      rounds = Math.max(rounds, present[i].length);
    }
    float[][][][] out = new float[n][][][];
    for (int i = 0; i < n; i++) {
      out[i] = new float[present[i].length][][];
    }
    for (int r = 0; r < rounds; r++) {
      long[] cls = new long[n];
      for (int i = 0; i < n; i++) {
        cls[i] = present[i][Math.min(r, present[i].length - 1)];
      }
      int round = r;
      float[][][] maps = atImageSize(method.attention(ctx, batch, ctx.manager().create(cls)), batch,
          i -> round < present[i].length);
      for (int i = 0; i < n; i++) {
        if (r < present[i].length) {
          out[i][r] = maps[i];
        }
      }
    }
    return out;
  }

  /**
   * The maps {@link #of} would compute, taken from {@link #ofEveryPresentClass}'s first round when
   * every image's first present class is its ground-truth class (the same attention call); null
   * when one is not, and {@link #of} must run.
   */
  static float[][][] groundTruthFrom(float[][][][] every, Batch batch) {
    float[][][] out = new float[every.length][][];
    for (int i = 0; i < every.length; i++) {
      Sample s = batch.samples().get(i);
      if (presentClasses(s)[0] != groundTruthClass(s)) {
        return null;
      }
      out[i] = every[i][0];
    }
    return out;
  }

  /** B×h×w maps resized to each image as {@code [H][W]} rows; images {@code keep} rejects stay null. */
  private static float[][][] atImageSize(NDArray att, Batch batch, java.util.function.IntPredicate keep) {
    int n = batch.size();
    int h = (int) att.getShape().get(1);
    int w = (int) att.getShape().get(2);
    float[] flat = att.toType(DataType.FLOAT32, false).toFloatArray();
    float[][][] out = new float[n][][];
    for (int i = 0; i < n; i++) {
      if (keep.test(i)) {
        Sample s = batch.samples().get(i);
        float[] one = Arrays.copyOfRange(flat, i * h * w, (i + 1) * h * w);
        out[i] = MapResize.bicubicRows(one, h, w, s.image().height(), s.image().width());
      }
    }
    return out;
  }
}
