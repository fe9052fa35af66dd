package org.fga.methods.gain;

import org.fga.core.nn.Scalars;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import org.fga.core.nn.Pooling;

/**
 * GAIN's soft mask and erased image (eq. 3–4): the map is upsampled to the image bilinearly
 * (PyTorch's {@code interpolate(mode="bilinear", align_corners=False)}), min–max normalised per map,
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

  /** The maps at image size, each min–max normalised to [0, 1] (an all-zero map stays 0). */
  public static NDArray normalizedAtImage(NDArray maps, int height, int width) {
    return Pooling.minMaxNormalize(upsample(maps, height, width));
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
