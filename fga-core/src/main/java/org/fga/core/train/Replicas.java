package org.fga.core.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameter store of one data-parallel shard: every parameter the shard's forward asks for
 * is copied once per step onto the shard's device, as a fresh leaf that collects the shard's
 * gradient (PyTorch's {@code nn.DataParallel} replicates the module every forward in the same
 * way). The parameters themselves are never touched by the forward or backward, so a method that
 * runs an auxiliary backward and clears "its" gradients (GAIN's Grad-CAM) clears the replica's,
 * (through {@link org.fga.core.nn.Gradients#clear}) exactly as it would clear the parameter's on one device.
 */
final class Replicas extends ParameterStore {
  private final NDManager manager;
  private final Device device;
  private final Map<Parameter, NDArray> copies = new LinkedHashMap<>();

  Replicas(NDManager manager, Device device) {
    super(manager, false);
    this.manager = manager;
    this.device = device;
  }

  @Override
  public NDArray getValue(Parameter parameter, Device ignored, boolean training) {
    if (parameter == null) {
      return null;
    }
    return copies.computeIfAbsent(parameter, this::copy);
  }

  private NDArray copy(Parameter p) {
    NDArray source = p.getArray();
    // Copied with autograd off: the copy is a leaf of its own, not a view the backward would
    // follow back into the parameter.
    boolean gradMode = JniUtils.isGradMode();
    JniUtils.setGradMode(false);
    try {
      NDArray c = source.getDevice().equals(device) ? source.duplicate() : source.toDevice(device, true);
      c.attach(manager);
      if (p.requiresGradient()) {
        c.setRequiresGradient(true);
      }
      return c;
    } finally {
      JniUtils.setGradMode(gradMode);
    }
  }

  /** The copies this shard made, by parameter. */
  Map<Parameter, NDArray> copies() {
    return copies;
  }

  /** The gradient the shard's backward left on {@code p}'s copy, or null if none reached it. */
  NDArray gradient(Parameter p) {
    NDArray c = copies.get(p);
    return c == null || !p.requiresGradient() ? null : JniUtils.getGradient((PtNDArray) c);
  }
}
