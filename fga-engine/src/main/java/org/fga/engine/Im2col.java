package org.fga.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Convolution as a matrix product: the input's k×k patches, gathered by strided slices of the
 * padded input (im2col), times the weight reshaped to {@code out × (in·k·k)}. Slower than a
 * convolution kernel, so used only for the shapes {@link ConvRoute} takes off oneDNN, which are
 * narrow; built from ordinary differentiable ATen operations, so its gradients come from autograd
 * and never from a convolution kernel.
 */
final class Im2col {
  private Im2col() {}

  /** Same arguments and result as DJL's {@code Conv1d.conv1d} / {@code Conv2d.conv2d}. */
  static NDArray convolution(
      NDArray input, NDArray weight, NDArray bias, Shape stride, Shape padding, Shape dilation, int groups) {
    boolean oneD = input.getShape().dimension() == 3;
    NDArray x = oneD ? input.expandDims(2) : input; // a 1-D convolution is a 2-D one of height 1
    NDArray w = oneD ? weight.expandDims(2) : weight;
    int[] s = pair(stride, oneD, 1);
    int[] p = pair(padding, oneD, 0);
    int[] d = pair(dilation, oneD, 1);
    NDArray y;
    if (groups == 1) {
      y = grouped(x, w, s, p, d);
    } else {
      long in = w.getShape().get(1);
      long out = w.getShape().get(0) / groups;
      NDList parts = new NDList();
      for (int g = 0; g < groups; g++) {
        parts.add(grouped(x.get(new NDIndex(":, {}:{}", g * in, (g + 1) * in)),
            w.get(new NDIndex("{}:{}", g * out, (g + 1) * out)), s, p, d));
      }
      y = NDArrays.concat(parts, 1);
    }
    if (bias != null) {
      y = y.add(bias.reshape(1, bias.size(), 1, 1));
    }
    return oneD ? y.squeeze(2) : y;
  }

  /** One group: x {@code (B, C, H, W)}, w {@code (O, C, KH, KW)}, result {@code (B, O, OH, OW)}. */
  private static NDArray grouped(NDArray x, NDArray w, int[] s, int[] p, int[] d) {
    long c = x.getShape().get(1);
    long h = x.getShape().get(2);
    long wd = x.getShape().get(3);
    long o = w.getShape().get(0);
    int kh = (int) w.getShape().get(2);
    int kw = (int) w.getShape().get(3);
    long oh = ConvCase.outSize((int) h, kh, s[0], p[0], d[0]);
    long ow = ConvCase.outSize((int) wd, kw, s[1], p[1], d[1]);
    // channels last, so that each patch is a (B, OH, OW, C) slice and the product contracts C·k·k
    NDArray xt = (p[0] == 0 && p[1] == 0 ? x : x.pad(new Shape(p[1], p[1], p[0], p[0]), 0)).transpose(0, 2, 3, 1);
    NDList patches = new NDList();
    for (int i = 0; i < kh; i++) {
      for (int j = 0; j < kw; j++) {
        patches.add(xt.get(new NDIndex(":, {}:{}:{}, {}:{}:{}",
            i * d[0], i * d[0] + (oh - 1) * s[0] + 1, s[0], j * d[1], j * d[1] + (ow - 1) * s[1] + 1, s[1])));
      }
    }
    // (B, OH, OW, C, KH·KW) flattened as the weight's (C, KH, KW) is: channel outer, kernel inner
    NDArray cols = (patches.size() == 1 ? patches.get(0) : NDArrays.stack(patches, 4))
        .reshape(x.getShape().get(0), oh, ow, c * kh * kw);
    return cols.matMul(w.reshape(o, c * kh * kw).transpose()).transpose(0, 3, 1, 2);
  }

  /** (height, width) of a stride, padding or dilation; a 1-D one gets {@code height} for its added height axis. */
  private static int[] pair(Shape shape, boolean oneD, int height) {
    return oneD ? new int[] {height, (int) shape.get(0)} : new int[] {(int) shape.get(0), (int) shape.get(1)};
  }
}
