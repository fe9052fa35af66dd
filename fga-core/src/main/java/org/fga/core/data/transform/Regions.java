package org.fga.core.data.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.fga.core.data.Box;
import org.fga.core.data.Keypoint;
import org.fga.core.data.Mask;
import org.fga.core.data.Sample;

/**
 * The one geometric primitive of the pipeline: take a region of the sample and scale it to a new
 * size. Resize, crops and random-resized crops are all this with different regions, so the image,
 * masks, boxes and keypoints can never disagree about where things are.
 */
public final class Regions {
  private Regions() {}

  /**
   * The region (x0, y0, w, h) of {@code s}, in continuous pixel coordinates (pixel i spans [i,
   * i+1)), scaled to outH × outW. Masks are sampled at the nearest pixel; boxes are mapped and
   * clipped, and boxes left entirely outside are dropped; keypoints are mapped, and those left
   * outside are kept but marked not visible.
   */
  public static Sample crop(
      Sample s, double x0, double y0, double w, double h, int outH, int outW) {
    return crop(s, x0, y0, w, h, outH, outW, false);
  }

  /** As {@link #crop}, mirrored left-right in the same pass when {@code mirror}. */
  public static Sample crop(
      Sample s, double x0, double y0, double w, double h, int outH, int outW, boolean mirror) {
    return crop(s, x0, y0, w, h, outH, outW, mirror, Interpolation.BILINEAR);
  }

  /** As {@link #crop}, resampling the pixels with {@code filter}. */
  public static Sample crop(
      Sample s,
      double x0,
      double y0,
      double w,
      double h,
      int outH,
      int outW,
      boolean mirror,
      Interpolation filter) {
    if (w <= 0 || h <= 0 || outH <= 0 || outW <= 0) {
      throw new IllegalArgumentException(
          "empty region or output: " + w + "x" + h + " -> " + outW + "x" + outH);
    }
    Region region = new Region(x0, y0, w, h, outH, outW, mirror);
    return new Sample(
        s.id(),
        Resampler.resample(s.image(), x0, y0, w, h, outH, outW, mirror, filter),
        s.label(),
        s.labels(),
        boxes(s.boxes(), region),
        keypoints(s.keypoints(), region),
        mask(s.objectMask(), region),
        mask(s.partMask(), region),
        s.identity(),
        s.camera());
  }

  /** Rejects non-positive output sizes with a message naming the step. */
  static void checkSize(String step, int height, int width) {
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException(
          step + " size must be positive, got " + width + "x" + height);
    }
  }

  /** Where a crop reads from (x0, y0, w, h), the size it writes, and whether it mirrors. */
  private record Region(
      double x0, double y0, double w, double h, int outH, int outW, boolean mirror) {}

  private static Mask mask(Mask m, Region r) {
    if (m == null) {
      return null;
    }
    double x0 = r.x0(), y0 = r.y0(), w = r.w(), h = r.h();
    int outH = r.outH(), outW = r.outW();
    boolean mirror = r.mirror();
    int[] xs = nearest(m.width(), x0, w, outW);
    if (mirror) {
      for (int i = 0, j = outW - 1; i < j; i++, j--) {
        int t = xs[i];
        xs[i] = xs[j];
        xs[j] = t;
      }
    }
    int[] ys = nearest(m.height(), y0, h, outH);
    byte[] out = new byte[outH * outW];
    byte[] src = m.data();
    for (int oy = 0; oy < outH; oy++) {
      int row = ys[oy];
      for (int ox = 0; ox < outW; ox++) {
        int sx = xs[ox];
        // outside the source: background (0) rather than a smeared edge label
        out[oy * outW + ox] = row < 0 || sx < 0 ? 0 : src[row * m.width() + sx];
      }
    }
    return new Mask(outH, outW, out);
  }

  /** Source index sampled by each output pixel's centre, or -1 outside the source. */
  private static int[] nearest(int inSize, double start, double length, int outSize) {
    int[] idx = new int[outSize];
    double scale = length / outSize;
    for (int i = 0; i < outSize; i++) {
      int s = (int) Math.floor(start + (i + 0.5) * scale);
      idx[i] = s < 0 || s >= inSize ? -1 : s;
    }
    return idx;
  }

  private static List<Box> boxes(List<Box> boxes, Region r) {
    if (boxes == null) {
      return null;
    }
    double x0 = r.x0(), y0 = r.y0();
    int outH = r.outH(), outW = r.outW();
    double sx = outW / r.w();
    double sy = outH / r.h();
    List<Box> out = new ArrayList<>(boxes.size());
    for (Box b : boxes) {
      // an inclusive box covers [x0, x1 + 1) in continuous coordinates
      int nx0 = (int) Math.floor((b.x0() - x0) * sx + 1e-6);
      int ny0 = (int) Math.floor((b.y0() - y0) * sy + 1e-6);
      int nx1 = (int) Math.ceil((b.x1() + 1 - x0) * sx - 1e-6) - 1;
      int ny1 = (int) Math.ceil((b.y1() + 1 - y0) * sy - 1e-6) - 1;
      nx0 = Math.max(nx0, 0);
      ny0 = Math.max(ny0, 0);
      nx1 = Math.min(nx1, outW - 1);
      ny1 = Math.min(ny1, outH - 1);
      if (nx1 >= nx0 && ny1 >= ny0) {
        out.add(r.mirror() ? new Box(outW - 1 - nx1, ny0, outW - 1 - nx0, ny1) : new Box(nx0, ny0, nx1, ny1));
      }
    }
    return List.copyOf(out);
  }

  private static List<Keypoint> keypoints(List<Keypoint> points, Region r) {
    if (points == null) {
      return null;
    }
    double x0 = r.x0(), y0 = r.y0();
    int outH = r.outH(), outW = r.outW();
    double sx = outW / r.w();
    double sy = outH / r.h();
    List<Keypoint> out = new ArrayList<>(points.size());
    for (Keypoint p : points) {
      // a point at pixel centre i sits at i + 0.5 in the region's continuous coordinates
      double nx = (p.x() + 0.5 - x0) * sx - 0.5;
      double ny = (p.y() + 0.5 - y0) * sy - 0.5;
      out.add(new Keypoint(p.name(), nx, ny, p.visible()).clippedTo(outW, outH));
    }
    return r.mirror() ? mirror(out, outW) : List.copyOf(out);
  }

  /**
   * Keypoints of an image {@code width} wide, mirrored left-right: x becomes width - 1 - x (as
   * boxes do) and left and right parts swap names ({@link Keypoint#mirroredName}). Each slot then
   * gets back the name it had, so that index i still names the same part (CUB's part id i + 1):
   * the mirrored right eye moves into the left eye's slot.
   */
  static List<Keypoint> mirror(List<Keypoint> points, int width) {
    if (points == null) {
      return null;
    }
    List<Keypoint> mirrored = new ArrayList<>(points.size());
    for (Keypoint p : points) {
      mirrored.add(
          new Keypoint(Keypoint.mirroredName(p.name()), width - 1 - p.x(), p.y(), p.visible()));
    }
    Map<String, Integer> slot = new HashMap<>();
    for (int i = 0; i < points.size(); i++) {
      slot.putIfAbsent(points.get(i).name(), i);
    }
    Keypoint[] out = new Keypoint[points.size()];
    for (Keypoint m : mirrored) {
      Integer j = slot.get(m.name());
      if (j == null || out[j] != null) {
        return List.copyOf(mirrored); // names repeat, or a side has no partner: keep the order
      }
      out[j] = m;
    }
    return List.of(out);
  }
}
