package org.fga.methods.coarse2fine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.fga.core.nn.Scalars;

/**
 * Differentiable bilinear zoom into an axis-aligned box: PyTorch's {@code grid_sample(mode=
 * 'bilinear', padding_mode='zeros', align_corners=False)} on the grid of the box's pixel centres,
 * which DJL 0.36 lacks.
 *
 * <p>The box is {@code (cx, cy, hx, hy)} in normalised coordinates (−1 the left/top image edge, +1
 * the right/bottom edge, x along the width): centre and half-extents. Output row i of n reads
 * normalised {@code y_i = cy + hy·((2i + 1)/n − 1)}, i.e. pixel {@code p_i = ((y_i + 1)·H − 1)/2}
 * ({@code align_corners=False}); columns likewise. A box grid is separable, so bilinear sampling is
 * two one-dimensional linear interpolations, rows then columns. Each gathers the two neighbouring
 * pixels {@code ⌊p⌋} and {@code ⌊p⌋ + 1} and mixes them with weights {@code 1 − f} and {@code f},
 * {@code f = p − ⌊p⌋}; a neighbour outside the image gets weight 0 (zeros padding). This equals
 * {@code A_y · I · A_xᵀ} with the tent matrices {@code A[i, k] = max(0, 1 − |p_i − k|)}, without
 * building them: O(n·W + n·m) per channel instead of O(n·H·W + n·W·m), which at 224 px cost more
 * than a width-16 ResNet-18 step. The weights are array functions of the box (⌊p⌋ is piecewise
 * constant), so the gradient reaches the box, and whatever produced it, as well as the image; it
 * is {@code grid_sample}'s except on the measure-zero set of integer pixel positions.
 */
public final class BoxSampler {
  private BoxSampler() {}

  /**
   * @param images B×C×H×W
   * @param box B×4 {@code (cx, cy, hx, hy)}, normalised
   * @param outH output rows
   * @param outW output columns
   * @return B×C×outH×outW
   */
  public static NDArray sample(NDArray images, NDArray box, int outH, int outW) {
    Shape s = images.getShape();
    if (s.dimension() != 4 || box.getShape().dimension() != 2 || box.getShape().get(1) != 4
        || box.getShape().get(0) != s.get(0)) {
      throw new IllegalArgumentException("images " + s + " and boxes " + box.getShape() + " do not match");
    }
    long b = s.get(0);
    long c = s.get(1);
    int h = (int) s.get(2);
    int w = (int) s.get(3);
    NDArray img = images.toType(box.getDataType(), false);
    // rows: B×C×H×W → B×C×outH×W
    Taps ty = Taps.of(pixels(box.get(":, 1:2"), box.get(":, 3:4"), outH, h), h);
    NDArray rows = interpolate(img, ty, 2, new Shape(b, c, outH, w), new Shape(b, 1, outH, 1));
    // columns: B×C×outH×W → B×C×outH×outW
    Taps tx = Taps.of(pixels(box.get(":, 0:1"), box.get(":, 2:3"), outW, w), w);
    return interpolate(rows, tx, 3, new Shape(b, c, outH, outW), new Shape(b, 1, 1, outW));
  }

  /** {@code (1 − f)·x[⌊p⌋] + f·x[⌊p⌋ + 1]} along {@code axis}, the taps broadcast to {@code shape}. */
  private static NDArray interpolate(NDArray x, Taps t, int axis, Shape shape, Shape weightShape) {
    NDArray lo = x.gather(t.lo.reshape(weightShape).broadcast(shape), axis);
    NDArray hi = x.gather(t.hi.reshape(weightShape).broadcast(shape), axis);
    return lo.mul(t.wLo.reshape(weightShape)).add(hi.mul(t.wHi.reshape(weightShape)));
  }

  /**
   * The B×n pixel positions of one axis: output sample i of n at normalised {@code c + half·g_i},
   * {@code g_i = (2i + 1)/n − 1}, read at pixel {@code ((· + 1)·size − 1)/2}.
   */
  static NDArray pixels(NDArray centre, NDArray half, int n, int size) {
    NDManager m = centre.getManager();
    float[] g = new float[n];
    for (int i = 0; i < n; i++) {
      g[i] = (2f * i + 1) / n - 1;
    }
    NDArray grid = m.create(g).reshape(1, n).toType(centre.getDataType(), false);
    return Scalars.mul(centre.add(half.mul(grid)).add(1), size / 2.0).sub(0.5);
  }

  /**
   * The two neighbours of every position and their weights: indices clamped into the image
   * (int64, for {@code gather}) and weights zeroed where the neighbour lies outside it.
   */
  private record Taps(NDArray lo, NDArray hi, NDArray wLo, NDArray wHi) {
    static Taps of(NDArray p, int size) {
      NDArray floor = p.floor().stopGradient();
      NDArray frac = p.sub(floor); // carries the gradient: d(frac)/dp = 1
      NDArray next = floor.add(1);
      NDArray loInside = floor.gte(0).logicalAnd(floor.lte(size - 1)).toType(p.getDataType(), false);
      NDArray hiInside = next.gte(0).logicalAnd(next.lte(size - 1)).toType(p.getDataType(), false);
      NDArray wLo = frac.neg().add(1).mul(loInside);
      NDArray wHi = frac.mul(hiInside);
      return new Taps(index(floor, size), index(next, size), wLo, wHi);
    }

    private static NDArray index(NDArray i, int size) {
      return i.clip(0, size - 1).toType(DataType.INT64, false);
    }
  }
}
