package org.fga.methods.gain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The localisation seeds GAIN hands to SEC (paper §4): for each class map, the pixels whose score
 * exceeds a fraction (0.2) of that map's maximum.
 */
public final class PseudoMasks {
  private PseudoMasks() {}

  /** B×H×W maps to B×H×W float masks: 1 where {@code map > threshold·max(map)}, else 0. */
  public static NDArray seeds(NDArray maps, double threshold) {
    Shape s = maps.getShape();
    NDArray max = maps.reshape(s.get(0), -1).max(new int[] {1}, true).reshape(s.get(0), 1, 1);
    return maps.gt(max.mul((float) threshold)).toType(DataType.FLOAT32, false);
  }
}
