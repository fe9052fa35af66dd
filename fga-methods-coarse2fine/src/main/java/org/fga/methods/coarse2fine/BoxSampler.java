package org.fga.methods.coarse2fine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import org.fga.core.nn.Scalars;

/**
 * Differentiable bilinear zoom into an axis-aligned box, PyTorch's {@code grid_sample(mode=
 * 'bilinear', padding_mode='zeros', align_corners=False)} on the grid of the box's pixel centres,
 * written as two matrix products because DJL 0.36 has no {@code grid_sample}.
 *
 * <p>The box is {@code (cx, cy, hx, hy)} in normalised coordinates (−1 the left/top image edge, +1
 * the right/bottom edge, x along the width): centre and half-extents. Output row i of n reads
 * normalised {@code y_i = cy + hy·((2i + 1)/n − 1)}, i.e. pixel {@code p_i = ((y_i + 1)·H − 1)/2}
 * ({@code align_corners=False}). Bilinear sampling of a separable grid factorises: with the tent
 * weights {@code A_y[i, k] = max(0, 1 − |p_i − k|)} (two non-zero taps per row, summing to 1 inside
 * the image, and the missing tap counting as zero outside it, which is zeros padding), the output
 * is {@code A_y · I · A_xᵀ} per image and channel, exactly. The weights are built from the box by
 * array operations, so the gradient reaches the box (and whatever produced it) as well as the
 * image; it equals {@code grid_sample}'s except on the measure-zero set of integer pixel positions.
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
    int h = (int) s.get(2);
    int w = (int) s.get(3);
    NDArray cx = box.get(":, 0:1");
    NDArray cy = box.get(":, 1:2");
    NDArray hx = box.get(":, 2:3");
    NDArray hy = box.get(":, 3:4");
    NDArray rows = weights(cy, hy, outH, h); // B×outH×H
    NDArray cols = weights(cx, hx, outW, w); // B×outW×W
    NDArray img = images.toType(rows.getDataType(), false);
    // (B×1×outH×H) · (B×C×H×W) → B×C×outH×W; then · (B×1×W×outW) → B×C×outH×outW
    return rows.expandDims(1).matMul(img).matMul(cols.transpose(0, 2, 1).expandDims(1));
  }

  /**
   * The B×n×size tent weights of one axis: output sample i of n at normalised {@code c + half·g_i}
   * with {@code g_i = (2i + 1)/n − 1}, read at pixel {@code ((· + 1)·size − 1)/2}.
   */
  static NDArray weights(NDArray centre, NDArray half, int n, int size) {
    NDManager m = centre.getManager();
    float[] g = new float[n];
    for (int i = 0; i < n; i++) {
      g[i] = (2f * i + 1) / n - 1;
    }
    NDArray grid = m.create(g).reshape(1, n).toType(centre.getDataType(), false);
    NDArray normalised = centre.add(half.mul(grid)); // B×n
    NDArray pixel = Scalars.mul(normalised.add(1), size / 2.0).sub(0.5); // ((y + 1)·size − 1)/2
    NDArray taps = m.arange(0, size, 1, DataType.FLOAT32).toType(centre.getDataType(), false).reshape(1, 1, size);
    NDArray distance = pixel.expandDims(2).sub(taps).abs(); // B×n×size
    return Activation.relu(distance.neg().add(1));
  }
}
