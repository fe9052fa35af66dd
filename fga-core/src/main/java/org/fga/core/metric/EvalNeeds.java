package org.fga.core.metric;

/**
 * What a metric needs the evaluator to collect, so that maps are only computed when asked for.
 *
 * @param logits class scores
 * @param embeddings feature vectors
 * @param maps attention maps of the ground-truth class at image resolution
 * @param heldOut the same outputs on the held-out split (threshold selection)
 * @param classMaps the map of every class present in each image, not only the ground-truth
 *     class's (per-class segmentation of multi-label images, as GAIN's VOC rows need)
 */
public record EvalNeeds(boolean logits, boolean embeddings, boolean maps, boolean heldOut, boolean classMaps) {
  /** Needs without the maps of every present class. */
  public EvalNeeds(boolean logits, boolean embeddings, boolean maps, boolean heldOut) {
    this(logits, embeddings, maps, heldOut, false);
  }

  public EvalNeeds or(EvalNeeds o) {
    return new EvalNeeds(logits || o.logits, embeddings || o.embeddings, maps || o.maps,
        heldOut || o.heldOut, classMaps || o.classMaps);
  }

  public static EvalNeeds none() {
    return new EvalNeeds(false, false, false, false, false);
  }
}
