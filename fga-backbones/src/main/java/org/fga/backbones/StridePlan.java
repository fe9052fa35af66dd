package org.fga.backbones;

import org.fga.core.backbone.BackboneSpec;

/**
 * Decides which downsampling stages keep their stride 2 under a spec's {@code lastStride} and
 * {@code outputStride}. A stage that loses it runs at stride 1 with no dilation: the later maps are
 * larger (RFGA's 28×28 at 224 px) and every parameter keeps its shape, so pretrained weights load.
 */
public final class StridePlan {
  private StridePlan() {}

  /**
   * Whether a stage that halves the resolution in the reference architecture still does.
   *
   * @param strideBefore the input's stride relative to the image when the stage starts
   * @param last whether this is the network's last downsampling stage ({@code lastStride} applies)
   */
  public static boolean downsamples(BackboneSpec spec, int strideBefore, boolean last) {
    if (last && spec.lastStride() == 1) {
      return false;
    }
    return strideBefore * 2 <= spec.outputStride();
  }
}
