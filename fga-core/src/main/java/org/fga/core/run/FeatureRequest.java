package org.fga.core.run;

import java.nio.file.Path;
import org.fga.core.error.FgaUserException;

/**
 * What {@code fga features} is asked to write.
 *
 * @param out the folder the files go to
 * @param checkpoint the run's checkpoint to export, or null for its newest
 * @param weights instead of a checkpoint, a whole model in a file of {@code init.weights} names
 *     (another code base's trained model, converted), evaluated under the run's spec; every
 *     parameter must be in it
 * @param split the split of a non-re-ID run, or null for its {@code eval.split}
 * @param withModel also write {@code model.safetensors}
 */
public record FeatureRequest(Path out, Path checkpoint, Path weights, String split, boolean withModel) {
  public FeatureRequest {
    if (checkpoint != null && weights != null) {
      throw new FgaUserException("--checkpoint and --weights both name the model to export; give one");
    }
  }

  /** The newest checkpoint's features, to {@code out}. */
  public static FeatureRequest to(Path out) {
    return new FeatureRequest(out, null, null, null, false);
  }

  public FeatureRequest withSplit(String s) {
    return new FeatureRequest(out, checkpoint, weights, s, withModel);
  }

  public FeatureRequest withWeights(Path w) {
    return new FeatureRequest(out, checkpoint, w, split, withModel);
  }

  /** The same, also writing {@code model.safetensors}. */
  public FeatureRequest includingModel() {
    return new FeatureRequest(out, checkpoint, weights, split, true);
  }
}
