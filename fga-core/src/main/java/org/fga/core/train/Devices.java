package org.fga.core.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import org.fga.core.error.FgaUserException;

/**
 * The spec's {@code device} as DJL devices, refused in one line when one is not there: {@code cpu},
 * {@code gpu} (the first GPU), {@code gpu:N}, or {@code gpu:N,M,...} for data-parallel training
 * over several GPUs of this machine ({@link DataParallel}).
 */
public final class Devices {
  private Devices() {}

  /** The devices a spec names, the first holding the parameters. */
  public static List<Device> all(String spec) {
    if (spec.equals("cpu") || spec.equals("gpu")) {
      return List.of(of(spec));
    }
    List<Device> out = new ArrayList<>();
    for (String index : spec.substring("gpu:".length()).split(",")) {
      Device d = of("gpu:" + index.trim());
      if (out.contains(d)) {
        throw new FgaUserException("device " + spec + ": gpu:" + index.trim() + " is named twice");
      }
      out.add(d);
    }
    return out;
  }

  /** The first device a spec names: where the parameters live. */
  public static Device of(String spec) {
    if (spec.equals("cpu")) {
      return Device.cpu();
    }
    if (spec.contains(",")) {
      return all(spec).get(0);
    }
    int index = spec.equals("gpu") ? 0 : Integer.parseInt(spec.substring("gpu:".length()));
    int gpus = Engine.getInstance().getGpuCount();
    if (gpus == 0) {
      throw new FgaUserException(
          "device " + spec + ": libtorch sees no CUDA GPU (this build runs the CPU engine,"
              + " ai.djl.pytorch:pytorch-native-cpu; docs/gpus-and-slurm.md says how to run on CUDA)");
    }
    if (index >= gpus) {
      throw new FgaUserException("device " + spec + ": only " + gpus + " GPU(s) visible (gpu:0..gpu:" + (gpus - 1) + ")");
    }
    return Device.gpu(index);
  }
}
