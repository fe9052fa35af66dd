package org.fga.eval.wsol;

/**
 * The 8-bit map wsolevaluation thresholds: {@code uint8(255·n)} of the min-max normalised map n
 * ({@code (scoremap * 255).astype(np.uint8)}, truncation), and the mask at τ is the pixels with
 * value strictly above {@code int(τ·max)} ({@code cv2.threshold(..., THRESH_BINARY)}). A mask
 * therefore changes only at the at most 255 levels {@code int(τ·max)}, whatever the τ grid.
 */
final class EightBitMap {
  private EightBitMap() {}

  /** Writes {@code (int) (255·norm[p])} into {@code q} and returns the largest value (0 for a constant map). */
  static int quantise(double[] norm, int n, int[] q) {
    int max = 0;
    for (int p = 0; p < n; p++) {
      int v = (int) (norm[p] * 255.0);
      q[p] = v;
      if (v > max) {
        max = v;
      }
    }
    return max;
  }

  /**
   * The level {@code int(τ·max)} of threshold τ: the mask is {@code q > level}. Computed as numpy
   * does, the double product truncated.
   */
  static int level(double tau, int max) {
    return (int) (tau * max);
  }
}
