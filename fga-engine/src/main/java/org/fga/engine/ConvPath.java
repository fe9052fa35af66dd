package org.fga.engine;

/**
 * Where the engine's convolutions run, and the switch between the paths: oneDNN's blocked kernels
 * (libtorch's default on x86) or libtorch's own im2col + GEMM kernels.
 */
public interface ConvPath {

  /** Whether convolutions currently go through oneDNN. */
  boolean onednn();

  /** Sends convolutions through oneDNN ({@code true}) or libtorch's native kernels. */
  void setOnednn(boolean on);
}
