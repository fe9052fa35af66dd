package org.fga.eval.io;

import java.util.ArrayList;
import java.util.List;
import org.fga.core.data.Mask;
import org.fga.core.error.FgaUserException;
import org.fga.core.io.NdArray;

/** Converts an N×H×W integer (or bool) array into one {@link Mask} per image. */
public final class MaskArrays {
  private MaskArrays() {}

  public static List<Mask> of(NdArray a) {
    a.requireRank(3);
    int n = a.dim(0);
    int h = a.dim(1);
    int w = a.dim(2);
    List<Mask> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      byte[] data = new byte[h * w];
      long base = (long) i * h * w;
      for (int p = 0; p < data.length; p++) {
        long v = a.getLong(base + p);
        if (v < 0 || v > 255) {
          throw new FgaUserException(
              String.format("%s: value %d at [%d, %d, %d] is not a mask value in [0, 255]", a.source(), v, i, p / w, p % w));
        }
        data[p] = (byte) v;
      }
      out.add(new Mask(h, w, data));
    }
    return out;
  }
}
