package org.fga.backbones.preprocess;

/**
 * An 8-bit RGB image, interleaved row-major ({@code rgb[(y * width + x) * 3 + c]}), as PIL holds
 * an image after {@code convert("RGB")}.
 */
public record RgbImage(int width, int height, byte[] rgb) {
  public RgbImage {
    if (width < 1 || height < 1 || rgb.length != width * height * 3) {
      throw new IllegalArgumentException(
          "an RGB image of " + width + "x" + height + " needs " + width * height * 3 + " bytes");
    }
  }

  /** Channel {@code c} of pixel (x, y), 0..255. */
  public int get(int x, int y, int c) {
    return rgb[(y * width + x) * 3 + c] & 0xff;
  }
}
