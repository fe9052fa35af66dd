package org.fga.datasets.fashion;

import java.util.List;
import org.fga.core.data.Box;
import org.fga.core.data.FloatImage;
import org.fga.core.data.Mask;

/**
 * One image with everything its renderer knows: richer than a {@link org.fga.core.data.Sample}
 * (instance map, where every garment and clutter patch came from), which the layout writers of
 * {@code fga data synth} and the leak tests need.
 *
 * @param image the pixels (grey, as three equal channels)
 * @param instances 0 off the garments, else 1 + the index into {@code classes} of the garment whose
 *     own value there is above the mask threshold (the later garment where two overlap)
 * @param classes the class (0..9) of each garment kept, in painting order
 * @param boxes the tight box of each garment's visible mask pixels, parallel to {@code classes}
 * @param frames the square each garment of {@code classes} was scaled into (its 28x28 photo,
 *     margin included), parallel to {@code classes}
 * @param garments the source garment of each entry of {@code classes}
 * @param clutter the source garment of every clutter patch
 * @param identity re-ID identity (1-based), or -1
 * @param view re-ID view (1-based, the "camera"), or -1
 */
public record FashionScene(
    FloatImage image,
    Mask instances,
    int[] classes,
    List<Box> boxes,
    List<Box> frames,
    List<Garment> garments,
    List<Garment> clutter,
    int identity,
    int view) {

  /** A garment of one of the two files. */
  public record Garment(Garments.Part part, int index) {}

  /** 1 on the pixels of every garment. */
  public Mask objectMask() {
    byte[] src = instances.data();
    byte[] out = new byte[src.length];
    for (int p = 0; p < src.length; p++) {
      out[p] = src[p] != 0 ? (byte) 1 : 0;
    }
    return new Mask(instances.height(), instances.width(), out);
  }

  /** The VOC convention: 0 background, 1 + {@code labelOf(class)} on a garment's pixels. */
  public Mask classMap(java.util.function.IntUnaryOperator labelOf) {
    byte[] src = instances.data();
    byte[] out = new byte[src.length];
    for (int p = 0; p < src.length; p++) {
      int id = src[p] & 0xFF;
      out[p] = id == 0 ? 0 : (byte) (labelOf.applyAsInt(classes[id - 1]) + 1);
    }
    return new Mask(instances.height(), instances.width(), out);
  }
}
