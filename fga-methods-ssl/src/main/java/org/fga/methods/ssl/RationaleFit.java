package org.fga.methods.ssl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.fga.core.nn.Scalars;

/**
 * LCR's fitting loss: {@code KL(P_gc ‖ P_att)} summed over the batch ({@code F.kl_div(log P_att,
 * P_gc, reduction='sum')}: {@code main.py:87-93}, {@code main_moco.py:361-362}), where P are
 * softmaxes of the Grad-CAM map (the target, not detached: the fitting loss also trains the
 * features through the map) and of the branch's map.
 */
final class RationaleFit {
  private RationaleFit() {}

  /**
   * @param gradCam B×h×w loss Grad-CAM (differentiable through the features)
   * @param attention B×h×w branch map
   */
  static NDArray loss(NDArray gradCam, NDArray attention, FitForm form, double temperature) {
    NDArray gc;
    NDArray att;
    if (form == FitForm.FLAT) {
      Shape s = gradCam.getShape();
      gc = Scalars.div(gradCam.reshape(s.get(0), -1), temperature);
      att = Scalars.div(attention.reshape(s.get(0), -1), temperature);
    } else {
      gc = gradCam;
      att = attention;
    }
    NDArray logTarget = gc.logSoftmax(-1);
    NDArray target = logTarget.exp();
    // F.kl_div's input is softmax(att).log(); log_softmax is the same number, computed stably
    NDArray logInput = att.logSoftmax(-1);
    return target.mul(logTarget.sub(logInput)).sum();
  }
}
