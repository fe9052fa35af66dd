package org.fga.core.method;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.fga.core.data.Sample;

/**
 * A mini-batch on the engine, plus the samples it came from.
 *
 * @param images B×3×H×W float32, normalised by the backbone's mean and std
 * @param labels B int64 class (or identity) indices; null for multi-label data
 * @param targets B×C float32 multi-hot targets for multi-label data, else null
 * @param masks B×1×H×W float32 binary object masks (from masks or boxes), zeros where unknown
 * @param hasMask B float32, 1 where {@code masks} holds a real annotation
 * @param indices dataset indices of the samples (stable across epochs)
 * @param samples the samples after augmentation, for methods that need CPU-side annotations
 * @param views training batches of a pipeline with {@code views}: one B×3×H×W array per view
 *     ({@code images} is view 0); null otherwise
 */
public record Batch(
    NDArray images,
    NDArray labels,
    NDArray targets,
    NDArray masks,
    NDArray hasMask,
    int[] indices,
    List<Sample> samples,
    List<NDArray> views) {

  /** A batch of single images (no views). */
  public Batch(
      NDArray images, NDArray labels, NDArray targets, NDArray masks, NDArray hasMask, int[] indices,
      List<Sample> samples) {
    this(images, labels, targets, masks, hasMask, indices, samples, null);
  }

  /**
   * View {@code k}, or a one-line error naming the pipeline option when the batch has no views:
   * for methods that train on several views of each image.
   */
  public NDArray view(int k, String method) {
    if (views == null || views.size() <= k) {
      throw new org.fga.core.error.FgaUserException(
          method + " trains on " + (k + 1) + "+ views of each image but the training pipeline gives "
              + (views == null ? 1 : views.size()) + ": add pipeline.views (one step list per view)");
    }
    return views.get(k);
  }

  public int size() {
    return indices.length;
  }
}
