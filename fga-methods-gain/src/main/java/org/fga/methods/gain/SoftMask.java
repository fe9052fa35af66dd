package org.fga.methods.gain;

import org.fga.core.nn.Scalars;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.ndarray.types.Shape;

/**
 * GAIN's soft mask and erased image (eq. 3–4): the map is upsampled to the image bilinearly
 * (PyTorch's {@code interpolate(mode="bilinear", align_corners=False)}), min–max normalised per map
 * (range floored at {@link #MIN_RANGE}),
 * then {@code T = sigmoid(ω(A − σ))} and {@code I* = I − T⊙I}.
 */
public final class SoftMask {
  /** libtorch's code for bilinear interpolation in DJL's {@code torchNNInterpolate}. */
  private static final int BILINEAR = 2;

  private SoftMask() {}

  /** B×h×w maps to B×H×W, bilinear with half-pixel centres; differentiable. */
  public static NDArray upsample(NDArray maps, int height, int width) {
    NDArray x = maps.expandDims(1);
    NDArray up = JniUtils.interpolate((PtNDArray) x, new long[] {height, width}, BILINEAR, false);
    return up.squeeze(1);
  }

  /**
   * Below this range a map is treated as flat: {@code (A − min) / max(max − min, MIN_RANGE)}. Without
   * the floor a map whose only positive pixel is barely above zero is blown up to [0, 1] with a
   * gradient of 1/range (10⁷ and more), which turned the weights into NaN within a few steps on
   * noise images. Real Grad-CAM maps have ranges orders of magnitude above it.
   */
  static final float MIN_RANGE = 1e-4f;

  /** The maps at image size, each min–max normalised to [0, 1] (a flat map gives values near 0). */
  public static NDArray normalizedAtImage(NDArray maps, int height, int width) {
    NDArray up = upsample(maps, height, width);
    Shape s = up.getShape();
    NDArray flat = up.reshape(s.get(0), -1);
    NDArray lo = flat.min(new int[] {1}, true);
    NDArray range = Scalars.maximum(flat.max(new int[] {1}, true).sub(lo), MIN_RANGE);
    return flat.sub(lo).div(range).reshape(s);
  }

  /** {@code T = sigmoid(ω·(A − σ))} on normalised maps. */
  public static NDArray mask(NDArray normalized, double sigma, double omega) {
    return Activation.sigmoid(Scalars.mul(normalized.sub((float) sigma), omega));
  }

  /**
   * {@code I* = I − T⊙I} for B×3×H×W images and B×H×W masks. The images are the normalised tensors
   * the network reads, so an erased pixel becomes 0, i.e. the dataset's mean colour.
   */
  public static NDArray erase(NDArray images, NDArray mask) {
    return images.sub(mask.expandDims(1).mul(images));
  }
}
