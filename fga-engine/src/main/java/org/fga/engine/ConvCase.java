package org.fga.engine;

/**
 * One convolution shape of the self-check. One-dimensional cases are two-dimensional ones of height
 * 1 with a kernel of height 1, which is how the float64 reference computes them; the engine runs
 * them through its own 1-D operator.
 *
 * @param dims 1 or 2
 * @param batch samples
 * @param in input channels
 * @param out output channels
 * @param size input length (1-D) or height and width (2-D)
 * @param kernel kernel length, or height and width
 * @param stride stride
 * @param padding zero padding on every side
 * @param dilation dilation
 */
public record ConvCase(
    int dims, int batch, int in, int out, int size, int kernel, int stride, int padding, int dilation) {

  public ConvCase {
    if (dims != 1 && dims != 2) {
      throw new IllegalArgumentException("dims must be 1 or 2, got " + dims);
    }
    if (outSize(size, kernel, stride, padding, dilation) < 1) {
      throw new IllegalArgumentException("kernel does not fit: " + this);
    }
  }

  static int outSize(int size, int kernel, int stride, int padding, int dilation) {
    return (size + 2 * padding - dilation * (kernel - 1) - 1) / stride + 1;
  }

  /** Input height: 1 for a 1-D case. */
  int height() {
    return dims == 1 ? 1 : size;
  }

  int kernelHeight() {
    return dims == 1 ? 1 : kernel;
  }

  int padHeight() {
    return dims == 1 ? 0 : padding;
  }

  int outHeight() {
    return dims == 1 ? 1 : outSize(size, kernel, stride, padding, dilation);
  }

  int outWidth() {
    return outSize(size, kernel, stride, padding, dilation);
  }

  long[] inputShape() {
    return dims == 1 ? new long[] {batch, in, size} : new long[] {batch, in, size, size};
  }

  long[] weightShape() {
    return dims == 1 ? new long[] {out, in, kernel} : new long[] {out, in, kernel, kernel};
  }

  long[] outputShape() {
    return dims == 1
        ? new long[] {batch, out, outWidth()}
        : new long[] {batch, out, outHeight(), outWidth()};
  }

  @Override
  public String toString() {
    String d = dilation == 1 ? "" : " dilation " + dilation;
    return "conv" + dims + "d " + in + "→" + out + " kernel " + kernel + " stride " + stride + d
        + " on " + (dims == 1 ? size : size + "×" + size);
  }
}
