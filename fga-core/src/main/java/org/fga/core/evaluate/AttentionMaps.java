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
}
