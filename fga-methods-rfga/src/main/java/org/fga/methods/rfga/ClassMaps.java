package org.fga.methods.rfga;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Reading one class's map out of a B×K×h×w stack of class maps. */
public final class ClassMaps {
  private ClassMaps() {}

  /**
   * @param maps B×K×h×w class maps
   * @param classes B int64 class indices, one per image
   * @return B×h×w, image i's map of class {@code classes[i]}
   */
  public static NDArray select(NDArray maps, NDArray classes) {
    Shape s = maps.getShape();
    NDArray oneHot = classes.oneHot((int) s.get(1)).toType(maps.getDataType(), false).reshape(s.get(0), s.get(1), 1, 1);
    return maps.mul(oneHot).sum(new int[] {1});
  }
}
