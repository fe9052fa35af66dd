package org.fga.methods.rfga;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.fga.core.evaluate.MapResize;

/**
 * How {@code rfga} and {@code cam} hand their class maps to the evaluator ({@code
 * method.camNormalization}).
 */
public enum CamNormalization {
  /**
   * The raw class map at feature resolution. The evaluator resizes it to the image and the {@code
   * wsol} metric min–max normalises it: wsolevaluation's protocol (Choe et al., CVPR 2020), the
   * default.
   */
  MINMAX("minmax"),
  /**
   * The MoANA reference's own scoring ({@code Localization/heatmaps.py:23-40, 78-80}): the map is
   * resized bicubically to the input image, shifted down by its 65th percentile, divided by its new
   * maximum and clipped to [0, 1], so the lowest 65 % of the pixels are 0 and the peak is 1. The
   * metric's min–max normalisation is then the identity, so the thresholds sweep this map.
   */
  PERCENTILE65("percentile65");

  /** The percentile {@link #PERCENTILE65} subtracts ({@code np.percentile(cam, 65)}). */
  public static final double MOANA_PERCENTILE = 65;

  private final String key;

  CamNormalization(String key) {
    this.key = key;
  }

  /** The spelling in specs. */
  public String key() {
    return key;
  }

  /** Parses a spec value; null is the default {@link #MINMAX}. */
  public static CamNormalization of(String key) {
    if (key == null) {
      return MINMAX;
    }
    for (CamNormalization n : values()) {
      if (n.key.equals(key)) {
        return n;
      }
    }
    throw new IllegalArgumentException(
        "method.camNormalization must be one of "
            + Arrays.stream(values()).map(CamNormalization::key).toList()
            + ", got '" + key + "'");
  }

  /**
   * The localisation maps to hand to the evaluator.
   *
   * @param maps B×h×w class maps at feature resolution
   * @param height the input images' height (the evaluator's map size)
   * @param width the input images' width
   * @return {@code maps} unchanged ({@link #MINMAX}), or B×height×width normalised maps
   */
  public NDArray apply(NDArray maps, int height, int width) {
    if (this == MINMAX) {
      return maps;
    }
    Shape s = maps.getShape();
    int b = (int) s.get(0);
    int h = (int) s.get(1);
    int w = (int) s.get(2);
    float[] flat = maps.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
    float[] out = new float[b * height * width];
    for (int i = 0; i < b; i++) {
      float[] one = Arrays.copyOfRange(flat, i * h * w, (i + 1) * h * w);
      // resize first, then normalise: the percentile is taken over the image's pixels, as in
      // heatmaps.py:78-80, not over the coarse feature map
      float[] resized = MapResize.bicubic(one, h, w, height, width);
      System.arraycopy(PercentileShift.normalize(resized, MOANA_PERCENTILE), 0, out, i * height * width, height * width);
    }
    return maps.getManager().create(out, new Shape(b, height, width));
  }
}
