package org.fga.core.backbone;

import java.util.List;

/**
 * The fixed facts of one built backbone.
 *
 * @param arch the registered architecture name
 * @param inputSize the input side length it was designed for (224 for ImageNet models)
 * @param mean per-channel RGB mean the weights expect (inputs in [0, 1])
 * @param std per-channel RGB standard deviation the weights expect
 * @param stages every stage output the block returns, in order
 */
public record BackboneCfg(
    String arch, int inputSize, float[] mean, float[] std, List<FeatureTap> stages) {

  /** The last (deepest) stage. */
  public FeatureTap last() {
    return stages.get(stages.size() - 1);
  }

  /** The index of the stage called {@code name} in the block's output list. */
  public int indexOf(String name) {
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new org.fga.core.error.FgaUserException(
        "backbone " + arch + " has no stage '" + name + "'; stages: "
            + stages.stream().map(FeatureTap::name).toList());
  }
}
