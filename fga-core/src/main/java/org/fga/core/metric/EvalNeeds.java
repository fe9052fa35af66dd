package org.fga.core.metric;

/**
 * What a metric needs the evaluator to collect, so that maps are only computed when asked for.
 *
 * @param logits class scores
 * @param embeddings feature vectors
 * @param maps attention maps of the ground-truth class at image resolution
 * @param heldOut the same outputs on the held-out split (threshold selection)
 */
public record EvalNeeds(boolean logits, boolean embeddings, boolean maps, boolean heldOut) {
  public EvalNeeds or(EvalNeeds o) {
    return new EvalNeeds(
        logits || o.logits, embeddings || o.embeddings, maps || o.maps, heldOut || o.heldOut);
  }

  public static EvalNeeds none() {
    return new EvalNeeds(false, false, false, false);
  }
}
