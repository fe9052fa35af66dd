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
      Sample s = batch.samples().get(i);
      cls[i] = s.label() >= 0 ? s.label() : (s.labels() != null && s.labels().length > 0 ? s.labels()[0] : 0);
    }
    NDArray att = method.attention(ctx, batch, ctx.manager().create(cls));
    int h = (int) att.getShape().get(1);
    int w = (int) att.getShape().get(2);
    float[] flat = att.toType(DataType.FLOAT32, false).toFloatArray();
    float[][][] out = new float[n][][];
    for (int i = 0; i < n; i++) {
      Sample s = batch.samples().get(i);
      float[] one = Arrays.copyOfRange(flat, i * h * w, (i + 1) * h * w);
      out[i] = MapResize.bicubicRows(one, h, w, s.image().height(), s.image().width());
    }
    return out;
  }

  /**
   * Per image, the map of every class present (its labels in order, or its one label), each at the
   * image's size: one {@code attention} call per round, round r asking each image for its r-th class
   * (an image with fewer classes repeats its last, and the repeat is dropped).
   */
  static float[][][][] ofEveryPresentClass(Method method, StepContext ctx, Batch batch) {
    int n = batch.size();
    int[][] present = new int[n][];
    int rounds = 0;
    for (int i = 0; i < n; i++) {
      Sample s = batch.samples().get(i);
      present[i] = s.labels() != null && s.labels().length > 0 ? s.labels() : new int[] {Math.max(0, s.label())};
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
      NDArray att = method.attention(ctx, batch, ctx.manager().create(cls));
      int h = (int) att.getShape().get(1);
      int w = (int) att.getShape().get(2);
      float[] flat = att.toType(DataType.FLOAT32, false).toFloatArray();
      for (int i = 0; i < n; i++) {
        if (r < present[i].length) {
          Sample s = batch.samples().get(i);
          float[] one = Arrays.copyOfRange(flat, i * h * w, (i + 1) * h * w);
          out[i][r] = MapResize.bicubicRows(one, h, w, s.image().height(), s.image().width());
        }
      }
    }
    return out;
  }
}
