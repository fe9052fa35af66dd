package org.fga.core.data;

/**
 * An image as planar floats, channel-major (CHW), RGB, values in [0, 1]. This is what datasets hand
 * to the loader; normalisation by the backbone's mean and std happens later.
 */
public record FloatImage(int channels, int height, int width, float[] data) {
  public FloatImage {
    if (data.length != channels * height * width) {
      throw new IllegalArgumentException(
          "image data has " + data.length + " values, expected " + channels + "x" + height + "x" + width);
    }
  }

  public static FloatImage zeros(int channels, int height, int width) {
    return new FloatImage(channels, height, width, new float[channels * height * width]);
  }

  public float get(int c, int y, int x) {
    return data[(c * height + y) * width + x];
  }

  public void set(int c, int y, int x, float v) {
    data[(c * height + y) * width + x] = v;
  }
}
