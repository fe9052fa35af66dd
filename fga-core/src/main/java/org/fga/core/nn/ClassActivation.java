package org.fga.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Class activation maps (Zhou et al., CVPR 2016) for a GAP → linear head: the classifier's weights
 * of the chosen class weight the feature channels, {@code CAM_c = Σ_k w_{c,k}·F_k}.
 */
public final class ClassActivation {
  private ClassActivation() {}

  /**
   * @param features B×C×h×w feature maps
   * @param weight K×C classifier weights
   * @param classes B int64, one class per image
   * @return B×h×w maps
   */
  public static NDArray cam(NDArray features, NDArray weight, NDArray classes) {
    Shape s = features.getShape();
    long b = s.get(0);
    long c = s.get(1);
    NDArray oneHot = classes.oneHot((int) weight.getShape().get(0)).toType(weight.getDataType(), false);
    NDArray w = oneHot.matMul(weight).reshape(b, 1, c); // B×1×C
    return w.batchMatMul(features.reshape(b, c, -1)).reshape(b, s.get(2), s.get(3));
  }
}
