package org.fga.backbones.nn;

import ai.djl.pytorch.jni.JniUtils;

/** Runs code with autograd recording off, as {@code with torch.no_grad():} does. */
public final class NoGrad {
  private NoGrad() {}

  /** Runs {@code body} with grad mode off, then restores the previous mode. */
  public static void run(Runnable body) {
    boolean previous = JniUtils.isGradMode();
    JniUtils.setGradMode(false);
    try {
      body.run();
    } finally {
      JniUtils.setGradMode(previous);
    }
  }
}
