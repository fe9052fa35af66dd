package org.fga.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;

/**
 * Which convolutions leave oneDNN on a machine where some of oneDNN's are wrong: those whose
 * channel counts are off its vector block run as a matrix product of their input's patches
 * ({@link Im2col}), which oneDNN never computes, and every other convolution stays on oneDNN at
 * full speed.
 *
 * <p>Why by channel count: on the affected CPUs, and on a healthy one made to report no cache
 * sizes ({@code src/test/c/cpuid_no_cache.c}, {@code EmulatedFaultTest}), every wrong result
 * measured had an output channel count off the 16-wide block (wrong input gradients), an input
 * count off it above 4 (wrong outputs), or an input count of 16 times an odd number from 48 up (48,
 * 80, 112, 144: wrong input gradients) — at some batch and map sizes and not others, so a check
 * of one size cannot clear a layer: the counts decide. Outputs on the block with inputs of at most
 * 4 (an RGB stem), exactly 16, or a multiple of 32 were right in every shape tried (16 counts
 * from 16 to 512, kernels 1 and 3, strides 1 and 2, batches 1 to 32, maps 6 to 112 wide), and those
 * are the counts of every full-width network. The engine guard turns the route on only after its
 * own check, run through the route, comes out right, and checks aligned shapes on oneDNN there
 * too; where they are wrong it turns oneDNN off altogether instead.
 *
 * <p>The route also takes every strided 1×1 convolution, whatever its counts: on the emulated CPU
 * oneDNN's input-gradient kernel for those divides by zero while choosing its blocking (SIGFPE in
 * {@code brgemm_convolution_bwd_utils::brg_blocking_t::est_eff_1x1}) from 512 input channels up —
 * ResNet-50's two last downsampling convolutions — and kills the process, which no check can
 * survive. As a patch-matrix product a 1×1 convolution is a strided slice and one GEMM, about
 * what oneDNN spends on it.
 */
public final class ConvRoute {
  /** oneDNN's widest vector block in float32 lanes (AVX-512); narrower ISAs divide it. */
  static final int BLOCK = 16;

  /** Input channel counts up to this stay on oneDNN even off the block: images, single maps. */
  static final int SMALL_INPUT = 4;

  /** The route of this process: {@link RoutedConv} blocks and the guard's check go through it. */
  public static final ConvRoute ENGINE = new ConvRoute();

  private volatile boolean on;
  private final boolean everyShape;

  /** A route of its own, off: for the guard's decisions on stand-in kernels in tests. */
  ConvRoute() {
    this(false);
  }

  /** With {@code everyShape}, on and taking every convolution: for tests of {@link Im2col} itself. */
  ConvRoute(boolean everyShape) {
    this.everyShape = everyShape;
    this.on = everyShape;
  }

  /** Whether off-block convolutions currently leave oneDNN. */
  public boolean on() {
    return on;
  }

  void set(boolean routed) {
    on = routed;
  }

  /** Whether a convolution with these channel counts per group leaves oneDNN when the route is on. */
  public static boolean exposed(long inPerGroup, long outPerGroup) {
    boolean inputSafe = inPerGroup <= SMALL_INPUT || inPerGroup == BLOCK || inPerGroup % (2 * BLOCK) == 0;
    return outPerGroup % BLOCK != 0 || !inputSafe;
  }

  /** Whether this route takes {@code c} off oneDNN. */
  boolean takes(ConvCase c) {
    Shape kernel = c.dims() == 1 ? new Shape(c.kernel()) : new Shape(c.kernel(), c.kernel());
    Shape stride = c.dims() == 1 ? new Shape(c.stride()) : new Shape(c.stride(), c.stride());
    return takes(c.in(), c.out(), kernel, stride);
  }

  /**
   * Whether this route takes a convolution with these channel counts per group, kernel and stride
   * off oneDNN: the exposed counts, and every strided 1×1 (see the class comment).
   */
  boolean takes(long inPerGroup, long outPerGroup, Shape kernel, Shape stride) {
    boolean strided1x1 = kernel.size() == 1 && stride.size() > 1;
    return on && (everyShape || exposed(inPerGroup, outPerGroup) || strided1x1);
  }

  /**
   * A 1-D or 2-D convolution as DJL's {@code Conv1d.conv1d}/{@code Conv2d.conv2d} computes it; when
   * the route is on and the weight's channel counts are exposed, as one matrix product of the
   * input's patches (im2col) with the weight instead, in float32 and through ATen's slicing and
   * GEMM, which oneDNN does not run: autograd differentiates it like any other graph.
   *
   * @param weight {@code (out, in / groups, kernel...)}
   */
  public NDArray convolution(
      NDArray input, NDArray weight, NDArray bias, Shape stride, Shape padding, Shape dilation, int groups) {
    long inPerGroup = weight.getShape().get(1);
    long outPerGroup = weight.getShape().get(0) / groups;
    if (!takes(inPerGroup, outPerGroup, weight.getShape().slice(2), stride)) {
      return raw(input, weight, bias, stride, padding, dilation, groups);
    }
    return Im2col.convolution(input, weight, bias, stride, padding, dilation, groups);
  }

  private static NDArray raw(
      NDArray x, NDArray w, NDArray b, Shape stride, Shape padding, Shape dilation, int groups) {
    int dims = x.getShape().dimension() - 2;
    if (dims == 1) {
      return Conv1d.conv1d(x, w, b, stride, padding, dilation, groups).singletonOrThrow();
    }
    if (dims == 2) {
      return Conv2d.conv2d(x, w, b, stride, padding, dilation, groups).singletonOrThrow();
    }
    throw new IllegalArgumentException("only 1-D and 2-D convolutions are routed, got input " + x.getShape());
  }
}
