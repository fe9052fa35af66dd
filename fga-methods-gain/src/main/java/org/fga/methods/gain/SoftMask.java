package org.fga.methods.gain;

import org.fga.core.nn.Scalars;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.ndarray.types.Shape;

/**
 * GAIN's soft mask and erased image (eq. 3–4): the map is upsampled to the image bilinearly
 * (PyTorch's {@code interpolate(mode="bilinear", align_corners=...)}; the reference's {@code
 * F.upsample_bilinear} is {@code align_corners=True}), min–max normalised per map (range floored at
 * {@link #MIN_RANGE}), then {@code T = sigmoid(ω(A − σ))} and {@code I* = I − T⊙I}.
 */
public final class SoftMask {
  /** libtorch's code for bilinear interpolation in DJL's {@code torchNNInterpolate}. */
  private static final int BILINEAR = 2;

  private SoftMask() {}

  /**
   * B×h×w maps to B×H×W, bilinear; differentiable. {@code alignCorners} true maps the corner pixels
   * onto each other ({@code F.upsample_bilinear}), false uses half-pixel centres.
   */
  public static NDArray upsample(NDArray maps, int height, int width, boolean alignCorners) {
    if (alignCorners) {
      // DJL 0.36's interpolate with alignCorners=true samples at (x − 1)/3 instead of x/3 for 2 → 4
      // (checked against F.upsample_bilinear), so the separable form is written out: Ry · A · Rxᵀ.
      Shape s = maps.getShape();
      NDArray ry = alignedWeights(maps, height, (int) s.get(1));
      NDArray rx = alignedWeights(maps, width, (int) s.get(2));
      return ry.matMul(maps).matMul(rx.transpose());
    }
    NDArray x = maps.expandDims(1);
    NDArray up = JniUtils.interpolate((PtNDArray) x, new long[] {height, width}, BILINEAR, false);
    return up.squeeze(1);
  }

  /** out×in linear-interpolation weights with the corner pixels aligned: source i·(in−1)/(out−1). */
  private static NDArray alignedWeights(NDArray like, int out, int in) {
    float[] r = new float[out * in];
    double scale = out > 1 ? (in - 1) / (double) (out - 1) : 0;
    for (int i = 0; i < out; i++) {
      double src = i * scale;
      int j0 = Math.min((int) Math.floor(src), in - 1);
      int j1 = Math.min(j0 + 1, in - 1);
      double frac = src - j0;
      r[i * in + j0] += (float) (1 - frac);
      r[i * in + j1] += (float) frac;
    }
    return like.getManager().create(r, new Shape(out, in)).toType(like.getDataType(), false);
  }

  /**
   * Below this range a map is treated as flat: {@code (A − min) / max(max − min, MIN_RANGE)}. Without
   * the floor a map whose only positive pixel is barely above zero is blown up to [0, 1] with a
   * gradient of 1/range (10⁷ and more), which turned the weights into NaN within a few steps on
   * noise images. Real Grad-CAM maps have ranges orders of magnitude above it.
   */
  static final float MIN_RANGE = 1e-4f;

  /** The maps at image size, each min–max normalised to [0, 1] (a flat map gives values near 0). */
  public static NDArray normalizedAtImage(
      NDArray maps, int height, int width, boolean alignCorners) {
    NDArray up = upsample(maps, height, width, alignCorners);
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
