package org.fga.methods.gain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.fga.core.data.Mask;
import org.fga.core.data.Sample;
import org.fga.core.method.Batch;

/**
 * GAINext's external stream (eq. 7): {@code L_e} pulls the map {@code A^c} of every ground-truth
 * class c of a pixel-labelled image towards that class's mask {@code H^c}.
 *
 * <p>Which mask is {@code H^c}: a sample whose mask (at batch size, after augmentation) holds a class
 * id above 1 is a class map (VOC: 0 background, c + 1 for class c, 255 void), so {@code H^c} = the
 * pixels of c + 1; otherwise its mask is a class-agnostic object mask (0/1, as CUB's, the synthetic
 * data's or one filled from boxes) shared by all its classes. Void (255) pixels count in neither the
 * sum nor the pixel count. A single-label sample's mask is always an object mask: its one class
 * owns every non-zero, non-void pixel.
 */
final class ExternalTargets {
  private ExternalTargets() {}

  /** {@code L_e} over the batch's pixel-labelled images in {@code subset}; 0 when there are none. */
  static NDArray loss(
      Batch batch, ClassPairs pairs, NDArray normalized, MaskSubset subset, boolean multiLabel, NDManager m) {
    Shape s = normalized.getShape();
    int h = (int) s.get(1);
    int w = (int) s.get(2);
    int plane = h * w;
    float[] has = batch.hasMask().toFloatArray();
    float[] binary = null; // the batch's 0/1 masks, read once if a sample has no usable own mask
    long[] pairImages = pairs.pairImages();
    long[] pairClasses = pairs.pairClasses();
    List<Long> rows = new ArrayList<>();
    List<float[]> targets = new ArrayList<>();
    List<float[]> valid = new ArrayList<>();
    for (int j = 0; j < pairImages.length; j++) {
      int i = (int) pairImages[j];
      if (has[i] <= 0.5f || !subset.contains(batch.indices()[i])) {
        continue;
      }
      Mask own = ownMask(batch, i, h, w);
      float[] t = new float[plane];
      float[] v = new float[plane];
      if (own != null) {
        boolean classMap = multiLabel && isClassMap(own);
        int classId = (int) pairClasses[j] + 1;
        byte[] d = own.data();
        for (int k = 0; k < plane; k++) {
          int x = d[k] & 0xFF;
          v[k] = x == Mask.IGNORE ? 0f : 1f;
          t[k] = x == Mask.IGNORE ? 0f : classMap ? (x == classId ? 1f : 0f) : (x != 0 ? 1f : 0f);
        }
      } else {
        if (binary == null) {
          binary = batch.masks().toFloatArray();
        }
        System.arraycopy(binary, i * plane, t, 0, plane);
        java.util.Arrays.fill(v, 1f);
      }
      rows.add((long) j);
      targets.add(t);
      valid.add(v);
    }
    if (rows.isEmpty()) {
      return m.zeros(new Shape(), DataType.FLOAT32);
    }
    Shape out = new Shape(rows.size(), h, w);
    NDArray a = GainMethod.rows(normalized, rows.stream().mapToLong(Long::longValue).toArray(), m);
    return GainLosses.external(a, m.create(concat(targets), out), m.create(concat(valid), out));
  }

  /** The sample's own mask if it matches the batch's size (the batch's masks are 0/1 only). */
  private static Mask ownMask(Batch batch, int i, int h, int w) {
    if (batch.samples() == null || batch.samples().size() <= i) {
      return null;
    }
    Sample sample = batch.samples().get(i);
    Mask mask = sample.objectMask();
    return mask != null && mask.height() == h && mask.width() == w ? mask : null;
  }

  /** A mask holding any id in 2..254 names classes (VOC's convention); 0/1(/255) is binary. */
  static boolean isClassMap(Mask mask) {
    for (byte b : mask.data()) {
      int x = b & 0xFF;
      if (x >= 2 && x != Mask.IGNORE) {
        return true;
      }
    }
    return false;
  }

  private static float[] concat(List<float[]> parts) {
    int n = parts.get(0).length;
    float[] out = new float[parts.size() * n];
    for (int p = 0; p < parts.size(); p++) {
      System.arraycopy(parts.get(p), 0, out, p * n, n);
    }
    return out;
  }
}
