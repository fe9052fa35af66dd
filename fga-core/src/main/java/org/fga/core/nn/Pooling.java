package org.fga.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Pooling over the spatial axes (DJL 0.36's mean/max over several axes at once throws). */
public final class Pooling {
  private Pooling() {}

  /** Global average pooling: B×C×H×W → B×C. */
  public static NDArray gap(NDArray x) {
    Shape s = x.getShape();
    return x.reshape(s.get(0), s.get(1), -1).mean(new int[] {2});
  }

  /** Global max pooling: B×C×H×W → B×C. */
  public static NDArray gmp(NDArray x) {
    Shape s = x.getShape();
    return x.reshape(s.get(0), s.get(1), -1).max(new int[] {2});
  }

  /** Per-map min–max normalisation of B×H×W (or B×1×H×W) maps to [0, 1]; constant maps give 0. */
  public static NDArray minMaxNormalize(NDArray maps) {
    Shape s = maps.getShape();
    NDArray flat = maps.reshape(s.get(0), -1);
    NDArray lo = flat.min(new int[] {1}, true);
    NDArray hi = flat.max(new int[] {1}, true);
    return flat.sub(lo).div(hi.sub(lo).add(1e-12f)).reshape(s);
  }
}
