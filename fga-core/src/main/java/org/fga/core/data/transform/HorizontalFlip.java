package org.fga.core.data.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fga.core.data.Box;
import org.fga.core.data.FloatImage;
import org.fga.core.data.Mask;
import org.fga.core.data.Sample;
import org.fga.core.data.SampleTransform;

/**
 * Mirrors left-right with probability {@code p}, masks, boxes and keypoints too (left and right
 * parts swap names: the mirrored left eye is a right eye). Ours because DJL 0.36's
 * {@code RandomFlipLeftRight} returns its input unchanged.
 */
public final class HorizontalFlip implements SampleTransform {
  private final double p;

  public HorizontalFlip(double p) {
    if (p < 0 || p > 1) {
      throw new IllegalArgumentException("flip probability must be in [0, 1], got " + p);
    }
    this.p = p;
  }

  @Override
  public Sample apply(Sample s, Random random) {
    if (random.nextDouble() >= p) {
      return s;
    }
    return flip(s);
  }

  /** The mirrored sample (always). */
  public static Sample flip(Sample s) {
    FloatImage img = s.image();
    int w = img.width();
    return new Sample(
        s.id(),
        new FloatImage(img.channels(), img.height(), w, flipRows(img.data(), w)),
        s.label(),
        s.labels(),
        flip(s.boxes(), w),
        Regions.mirror(s.keypoints(), w),
        flip(s.objectMask()),
        flip(s.partMask()),
        s.identity(),
        s.camera());
  }

  private static float[] flipRows(float[] src, int w) {
    float[] out = new float[src.length];
    for (int row = 0; row < src.length; row += w) {
      for (int x = 0; x < w; x++) {
        out[row + x] = src[row + w - 1 - x];
      }
    }
    return out;
  }

  private static Mask flip(Mask m) {
    if (m == null) {
      return null;
    }
    int w = m.width();
    byte[] src = m.data();
    byte[] out = new byte[src.length];
    for (int row = 0; row < src.length; row += w) {
      for (int x = 0; x < w; x++) {
        out[row + x] = src[row + w - 1 - x];
      }
    }
    return new Mask(m.height(), w, out);
  }

  private static List<Box> flip(List<Box> boxes, int w) {
    if (boxes == null) {
      return null;
    }
    List<Box> out = new ArrayList<>(boxes.size());
    for (Box b : boxes) {
      out.add(new Box(w - 1 - b.x1(), b.y0(), w - 1 - b.x0(), b.y1()));
    }
    return List.copyOf(out);
  }
}
