package org.fga.core.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.fga.core.error.FgaUserException;

/** The spec's {@code device} as a DJL device, refused in one line when it is not there. */
public final class Devices {
  private Devices() {}

  public static Device of(String spec) {
    if (spec.equals("cpu")) {
      return Device.cpu();
    }
    int index = spec.equals("gpu") ? 0 : Integer.parseInt(spec.substring("gpu:".length()));
    int gpus = Engine.getInstance().getGpuCount();
    if (gpus == 0) {
      throw new FgaUserException(
          "device " + spec + ": libtorch sees no CUDA GPU (this build runs the CPU engine,"
              + " ai.djl.pytorch:pytorch-native-cpu; README 'GPU' says how to run on CUDA)");
    }
    if (index >= gpus) {
      throw new FgaUserException("device " + spec + ": only " + gpus + " GPU(s) visible (gpu:0..gpu:" + (gpus - 1) + ")");
    }
    return Device.gpu(index);
  }
}
