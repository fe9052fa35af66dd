package org.fga.backbones.preprocess;

import org.fga.core.backbone.BackboneCfg;

/**
 * torchvision's evaluation transform {@code Resize(resize) → CenterCrop(crop) → ToTensor() →
 * Normalize(mean, std)} on PIL images, with identical float32 results:
 *
 * <ul>
 *   <li>resize: the shorter side becomes {@code resize}, the longer {@code int(resize * long /
 *       short)}, with PIL's antialiased bilinear filter ({@link PilBilinear}); an image whose
 *       shorter side already is {@code resize} is not resampled; {@code resize} 0 skips the step;
 *   <li>centre crop: offset {@code round((size - crop) / 2)} with Python's half-to-even rounding; an
 *       image smaller than the crop is padded with black first, as torchvision does;
 *   <li>{@code (v / 255 - mean) / std} in float32, channel-major (3×crop×crop).
 * </ul>
 */
public final class EvalPreprocess {
  private final int resize;
  private final int crop;
  private final float[] mean;
  private final float[] std;

  /**
   * @param resize target of the shorter side, or 0 for no resizing
   * @param crop side of the square centre crop
   */
  public EvalPreprocess(int resize, int crop, float[] mean, float[] std) {
    if (resize < 0 || crop < 1) {
      throw new IllegalArgumentException("resize must be >= 0 and crop >= 1");
    }
    this.resize = resize;
    this.crop = crop;
    this.mean = mean.clone();
    this.std = std.clone();
  }

  /** With the mean and std the backbone's weights expect. */
  public static EvalPreprocess forBackbone(BackboneCfg cfg, int resize, int crop) {
    return new EvalPreprocess(resize, crop, cfg.mean(), cfg.std());
  }

  public int crop() {
    return crop;
  }

  /** The resized image (the same object when no resampling is needed). */
  public RgbImage resize(RgbImage image) {
    if (resize == 0) {
      return image;
    }
    int w = image.width();
    int h = image.height();
    boolean wide = w > h;
    int shortSide = wide ? h : w;
    int longSide = wide ? w : h;
    if (shortSide == resize) {
      return image;
    }
    int newLong = (int) ((double) resize * longSide / shortSide);
    return wide
        ? PilBilinear.resize(image, newLong, resize)
        : PilBilinear.resize(image, resize, newLong);
  }

  /** The centre {@code crop}×{@code crop} square, normalised, as CHW floats. */
  public float[] cropAndNormalise(RgbImage image) {
    int padLeft = Math.max(0, (crop - image.width()) / 2);
    int padTop = Math.max(0, (crop - image.height()) / 2);
    int paddedW = Math.max(crop, image.width());
    int paddedH = Math.max(crop, image.height());
    int top = (int) Math.rint((paddedH - crop) / 2.0);
    int left = (int) Math.rint((paddedW - crop) / 2.0);
    float[] out = new float[3 * crop * crop];
    int plane = crop * crop;
    for (int y = 0; y < crop; y++) {
      int sy = top + y - padTop;
      for (int x = 0; x < crop; x++) {
        int sx = left + x - padLeft;
        boolean inside = sy >= 0 && sy < image.height() && sx >= 0 && sx < image.width();
        for (int c = 0; c < 3; c++) {
          float v = inside ? image.get(sx, sy, c) / 255f : 0f;
          out[c * plane + y * crop + x] = (v - mean[c]) / std[c];
        }
      }
    }
    return out;
  }

  /** The whole transform. */
  public float[] apply(RgbImage image) {
    return cropAndNormalise(resize(image));
  }
}
