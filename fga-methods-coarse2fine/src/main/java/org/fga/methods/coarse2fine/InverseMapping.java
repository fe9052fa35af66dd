package org.fga.methods.coarse2fine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import org.fga.core.nn.Scalars;

/**
 * The learned inverse mapping from the M attention maps (feature resolution h×w) to one box of the
 * raw image, {@code (cx, cy, hx, hy)} in normalised coordinates (see {@link BoxSampler}).
 *
 * <ol>
 *   <li>a learned mixture of the maps, {@code s = Σ_m u_m·A_m} ({@code u} starts at 1/M: the mean
 *       map, the same map the method reports for localisation);
 *   <li>a spatial softmax {@code p = softmax_hw(s)};
 *   <li>centre = the expected position under p, {@code cx = Σ p·x_j}, with x_j the normalised
 *       centre of feature cell j, {@code (2j + 1)/w − 1} (cell j covers image pixels
 *       {@code [j·stride, (j + 1)·stride)});
 *   <li>half-extent from the spread of p, per axis:
 *       {@code hx = minHalf + (1 − minHalf)·sigmoid(a_x·σ_x + b_x)}, {@code σ_x² = Σ p·(x − cx)²},
 *       a and b learned (start 4 and −1: uniform attention, σ ≈ 0.58, gives hx ≈ 0.84 of the
 *       image's half-side; a peak with σ = 0.2 gives ≈ 0.59 at {@code minHalf} 0.25).
 * </ol>
 *
 * Every step is differentiable, so a loss on the zoomed region moves the attention maps: the
 * centre follows attention mass, the size its concentration.
 */
public final class InverseMapping extends AbstractBlock {
  private final int maps;
  private final float minHalf;
  private final Parameter mix;
  private final Parameter slope;
  private final Parameter offset;

  public InverseMapping(int maps, double minHalf) {
    this.maps = maps;
    this.minHalf = (float) minHalf;
    this.mix = addParameter(Parameter.builder().setName("mix").setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(maps)).optInitializer(new ConstantInitializer(1f / maps)).build());
    this.slope = addParameter(Parameter.builder().setName("slope").setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(2)).optInitializer(new ConstantInitializer(4f)).build());
    this.offset = addParameter(Parameter.builder().setName("offset").setType(Parameter.Type.BIAS)
        .optShape(new Shape(2)).optInitializer(new ConstantInitializer(-1f)).build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray att = inputs.singletonOrThrow(); // B×M×h×w
    Shape a = att.getShape();
    if (a.get(1) != maps) {
      throw new IllegalArgumentException("expected " + maps + " attention maps, got " + a);
    }
    long b = a.get(0);
    int h = (int) a.get(2);
    int w = (int) a.get(3);
    NDArray u = ps.getValue(mix, att.getDevice(), training).reshape(1, 1, maps);
    NDArray score = u.matMul(att.reshape(b, maps, (long) h * w)).reshape(b, h, w);
    NDArray p = score.reshape(b, (long) h * w).softmax(1).reshape(b, h, w);
    NDManager m = att.getManager();
    NDArray xs = cellCentres(m, w).reshape(1, w);
    NDArray ys = cellCentres(m, h).reshape(1, h);
    NDArray px = p.sum(new int[] {1}); // B×w: the marginal over rows
    NDArray py = p.sum(new int[] {2}); // B×h
    NDArray cx = px.mul(xs).sum(new int[] {1}, true); // B×1
    NDArray cy = py.mul(ys).sum(new int[] {1}, true);
    // ε inside the root keeps the gradient finite when p collapses onto one cell
    NDArray sx = px.mul(xs.sub(cx).square()).sum(new int[] {1}, true).add(1e-6f).sqrt();
    NDArray sy = py.mul(ys.sub(cy).square()).sum(new int[] {1}, true).add(1e-6f).sqrt();
    NDArray k = ps.getValue(slope, att.getDevice(), training).reshape(1, 2);
    NDArray c = ps.getValue(offset, att.getDevice(), training).reshape(1, 2);
    NDArray spread = sx.concat(sy, 1); // B×2
    NDArray half = Scalars.mul(Activation.sigmoid(spread.mul(k).add(c)), 1 - minHalf).add(minHalf);
    return new NDList(cx.concat(cy, 1).concat(half, 1), p);
  }

  /** Normalised centres of n cells spanning [−1, 1]: {@code (2j + 1)/n − 1}. */
  static NDArray cellCentres(NDManager m, int n) {
    float[] c = new float[n];
    for (int j = 0; j < n; j++) {
      c[j] = (2f * j + 1) / n - 1;
    }
    return m.create(c);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape a = inputShapes[0];
    return new Shape[] {new Shape(a.get(0), 4), new Shape(a.get(0), a.get(2), a.get(3))};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {}
}
