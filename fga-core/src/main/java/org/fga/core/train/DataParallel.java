package org.fga.core.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.fga.core.error.FgaUserException;

/**
 * Data-parallel training over several devices of one machine: the batch is split into one shard
 * per device, each shard runs forward and backward on its own copy of the parameters with its
 * loss weighted by its share of the batch, the shards' gradients are summed onto the parameters,
 * and the trainer takes one optimiser step. For a loss that is a mean over samples this is the
 * gradient of the whole batch's loss. Losses over the batch as a whole (batch-hard triplets, BN
 * statistics) are computed per shard, as in PyTorch's {@code DistributedDataParallel}.
 *
 * <p>Shards run one after another on the training thread; on CUDA the kernel launches are
 * asynchronous, so the devices overlap only as far as a method's host synchronisations allow.
 */
public final class DataParallel {
  private DataParallel() {}

  /**
   * Splits {@code batchSize} samples into {@code parts} contiguous ranges as even as possible,
   * never cutting a group of {@code group} consecutive samples (the K images of one identity in a
   * P×K batch, so every shard still holds positives for its triplets). Returns {@code [from, to)}
   * pairs.
   */
  public static int[][] split(int batchSize, int parts, int group) {
    if (group < 1 || batchSize % group != 0) {
      throw new IllegalArgumentException("batch " + batchSize + " is not a whole number of groups of " + group);
    }
    int groups = batchSize / group;
    if (groups < parts) {
      throw new FgaUserException(
          "schedule.batchSize " + batchSize + " cannot be split over " + parts + " devices"
              + (group > 1 ? " in whole identities of " + group + " images" : "")
              + ": use a batch of at least " + parts * group);
    }
    int[][] ranges = new int[parts][];
    int from = 0;
    for (int k = 0; k < parts; k++) {
      int share = groups / parts + (k < groups % parts ? 1 : 0);
      ranges[k] = new int[] {from, from + share * group};
      from += share * group;
    }
    return ranges;
  }

  /** A shard: its device, its manager (closed with the step), its parameter copies, its weight. */
  record Shard(Device device, NDManager manager, Replicas replicas, double weight) {}

  /** Opens one shard per range on its device, under the step's manager. */
  static List<Shard> open(NDManager step, List<Device> devices, int[][] ranges, int batchSize) {
    List<Shard> shards = new ArrayList<>();
    for (int k = 0; k < devices.size(); k++) {
      NDManager m = step.newSubManager(devices.get(k));
      double weight = (ranges[k][1] - ranges[k][0]) / (double) batchSize;
      shards.add(new Shard(devices.get(k), m, new Replicas(m, devices.get(k)), weight));
    }
    return shards;
  }

  /**
   * Sums the shards' gradients onto the parameters and takes the first shard's values of the
   * parameters no gradient moves (BN running statistics), as {@code nn.DataParallel} keeps its
   * first replica's. A parameter no shard's backward reached keeps no gradient, so the optimiser
   * skips it exactly as on one device.
   */
  static void reduce(List<Parameter> parameters, List<Shard> shards) {
    List<NDArray> targets = new ArrayList<>();
    List<NDArray> sums = new ArrayList<>();
    boolean gradMode = JniUtils.isGradMode();
    JniUtils.setGradMode(false);
    try {
      for (Parameter p : parameters) {
        NDArray main = p.getArray();
        if (!p.requiresGradient()) {
          NDArray first = shards.get(0).replicas().copies().get(p);
          if (first != null) {
            main.set(first.toDevice(main.getDevice(), true).toFloatArray());
          }
          continue;
        }
        NDArray sum = null;
        for (Shard s : shards) {
          NDArray g = s.replicas().gradient(p);
          if (g != null) {
            NDArray here = g.toDevice(main.getDevice(), true);
            sum = sum == null ? here : sum.add(here);
          }
        }
        if (sum != null) {
          targets.add(main);
          sums.add(sum);
        }
      }
    } finally {
      JniUtils.setGradMode(gradMode);
    }
    // A parameter's gradient is PyTorch's .grad, which DJL has no setter for: a backward of
    // Σ ⟨w, g⟩ with g constant deposits exactly g into it (added to what is there, which the
    // optimiser zeroed after the last step).
    if (targets.isEmpty()) {
      return;
    }
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      NDArray total = null;
      for (int i = 0; i < targets.size(); i++) {
        NDArray dot = targets.get(i).mul(sums.get(i)).sum();
        total = total == null ? dot : total.add(dot);
      }
      gc.backward(total);
    }
  }
}
