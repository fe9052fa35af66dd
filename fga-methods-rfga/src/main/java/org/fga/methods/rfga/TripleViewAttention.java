package org.fga.methods.rfga;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv1d;
import org.fga.engine.RoutedConv;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.fga.backbones.nn.BatchNorm2d;
import org.fga.backbones.nn.Layers;

/**
 * The RFGA module (Sohn et al., arXiv 2104.04952; "MoANA" in the later version): three attention
 * views of a B×C×H×W feature map, summed by broadcasting into a full C×H×W attention and applied
 * residually, {@code y = x·(1 + a_c + a_h + a_w)}.
 *
 * <ul>
 *   <li>channel view: average over H and W → B×C, one 1-D convolution (1→1 channel, kernel k)
 *       sliding across the channel axis, so each channel sees its k neighbours;
 *   <li>height view: average over W → B×C×H, a C→C 1-D convolution (kernel k) along H;
 *   <li>width view: average over H → B×C×W, a C→C 1-D convolution (kernel k) along W.
 * </ul>
 *
 * Every view then goes through its own batch norm over the C channels and a sigmoid. The
 * convolutions have no bias and "same" padding (k − 1)/2, as in the reference code. Forward maps
 * {@code [x]} to {@code [y]} with the shape of x.
 */
public final class TripleViewAttention extends AbstractBlock {
  private final RoutedConv convC;
  private final RoutedConv convH;
  private final RoutedConv convW;
  private final BatchNorm2d bnC;
  private final BatchNorm2d bnH;
  private final BatchNorm2d bnW;
  private final int channels;

  /**
   * @param channels C of the feature map it calibrates
   * @param kernel odd kernel size of the three 1-D convolutions (3 in the paper)
   */
  public TripleViewAttention(int channels, int kernel) {
    if (kernel < 1 || kernel % 2 == 0) {
      throw new IllegalArgumentException("kernel must be odd and positive, got " + kernel);
    }
    this.channels = channels;
    this.convC = addChildBlock("conv_c", conv1d(1, kernel));
    this.convH = addChildBlock("conv_h", conv1d(channels, kernel));
    this.convW = addChildBlock("conv_w", conv1d(channels, kernel));
    // BatchNorm2d runs libtorch's batch_norm, which normalises axis 1 of a tensor of any rank: on
    // B×C×L it is PyTorch's BatchNorm1d(C), the same as the reference's BatchNorm2d(C) on B×C×L×1.
    this.bnC = addChildBlock("bn_c", new BatchNorm2d(channels));
    this.bnH = addChildBlock("bn_h", new BatchNorm2d(channels));
    this.bnW = addChildBlock("bn_w", new BatchNorm2d(channels));
  }

  private static RoutedConv conv1d(int filters, int kernel) {
    RoutedConv c = RoutedConv.of(
        Conv1d.builder()
            .setKernelShape(new Shape(kernel))
            .setFilters(filters)
            .optPadding(new Shape((kernel - 1) / 2))
            .optBias(false));
    // PyTorch's default Conv1d weight, U(±1/sqrt(fan_in)); the reference re-initialises only 2-D
    // convolutions, so its 1-D ones keep this default.
    c.setInitializer(Layers.TORCH_LINEAR_DEFAULT, Parameter.Type.WEIGHT);
    return c;
  }

  /** The three views after BN and sigmoid: B×C×1×1, B×C×H×1 and B×C×1×W, ready to broadcast. */
  public NDList views(ParameterStore ps, NDArray x, boolean training) {
    Shape s = x.getShape();
    long b = s.get(0);
    long c = s.get(1);
    long h = s.get(2);
    long w = s.get(3);
    NDArray hProfile = x.mean(new int[] {3}); // B×C×H
    NDArray wProfile = x.mean(new int[] {2}); // B×C×W
    NDArray cVector = hProfile.mean(new int[] {2}); // B×C (mean of row means = mean over H·W)
    NDArray ac = one(convC, ps, cVector.reshape(b, 1, c), training).reshape(b, c, 1);
    ac = Activation.sigmoid(one(bnC, ps, ac, training)).reshape(b, c, 1, 1);
    NDArray ah = Activation.sigmoid(one(bnH, ps, one(convH, ps, hProfile, training), training)).reshape(b, c, h, 1);
    NDArray aw = Activation.sigmoid(one(bnW, ps, one(convW, ps, wProfile, training), training)).reshape(b, c, 1, w);
    return new NDList(ac, ah, aw);
  }

  private static NDArray one(AbstractBlock block, ParameterStore ps, NDArray x, boolean training) {
    return block.forward(ps, new NDList(x), training).singletonOrThrow();
  }

  /** Attention expansion: the broadcast sum of the views, B×C×H×W. */
  public static NDArray expand(NDArray channel, NDArray height, NDArray width) {
    return channel.add(height).add(width);
  }

  /** Feature calibration with a residual: {@code x·(1 + att)}; the identity when att is zero. */
  public static NDArray calibrate(NDArray x, NDArray attention) {
    return x.add(x.mul(attention));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDList v = views(ps, x, training);
    // x·(1 + A) with the 1 added to the small channel view before the broadcast: one full-size
    // operation less than calibrate(x, expand(...)), which it equals (tested).
    return new NDList(x.mul(expand(v.get(0).add(1), v.get(1), v.get(2))));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape s = inputShapes[0];
    convC.initialize(manager, dataType, new Shape(s.get(0), 1, channels));
    convH.initialize(manager, dataType, new Shape(s.get(0), channels, s.get(2)));
    convW.initialize(manager, dataType, new Shape(s.get(0), channels, s.get(3)));
    bnC.initialize(manager, dataType, new Shape(s.get(0), channels, 1));
    bnH.initialize(manager, dataType, new Shape(s.get(0), channels, s.get(2)));
    bnW.initialize(manager, dataType, new Shape(s.get(0), channels, s.get(3)));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
