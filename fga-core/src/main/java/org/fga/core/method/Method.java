package org.fga.core.method;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import java.util.List;
import java.util.Map;
import org.fga.core.backbone.Backbone;

/** A built method: one DJL block trained end to end, its training step and its inference. */
public interface Method {
  /** The whole network; the backbone's block is one of its children. */
  Block block();

  /** The backbone, so the trainer can give its parameters their own learning rate. */
  Backbone backbone();

  /**
   * Every block whose parameters learn at the backbone's rate ({@code schedule.backboneLrMult}):
   * the backbone's, plus any further copy of it the method runs (Coarse2Fine's separate fine stage).
   */
  default List<Block> backboneBlocks() {
    return List.of(backbone().block());
  }

  /**
   * One training step's forward passes and losses. Runs inside the trainer's gradient collector;
   * the trainer back-propagates {@link Losses#total()}. A method that needs an auxiliary backward
   * (Grad-CAM inside the step) must leave no trace of it in the parameter gradients.
   */
  Losses trainStep(StepContext ctx, Batch batch);

  /** Inference in evaluation mode. */
  Outputs infer(StepContext ctx, Batch batch);

  /**
   * The method's localisation map for one class per image: B×h×w at feature resolution, larger
   * meaning more attended (the evaluator resizes each map to its image and min–max normalises it).
   */
  NDArray attention(StepContext ctx, Batch batch, NDArray classes);

  /**
   * The image regions the method chose to look at, per image of the batch, in the batch's pixel
   * coordinates (Coarse2Fine's zoom box); drawn in blue on the attention overlays. Null (the
   * default) for methods that choose none.
   */
  default List<List<org.fga.core.data.Box>> regions(StepContext ctx, Batch batch) {
    return null;
  }

  /**
   * B×D features for evaluations on frozen features (linear probe, retrieval), computed in
   * evaluation mode. By default the embedding {@link #infer} returns; a method whose evaluation
   * feature differs from its embedding (LCR's map-weighted pooling) overrides it.
   */
  default NDArray features(StepContext ctx, Batch batch) {
    return infer(ctx, batch).embedding();
  }

  /**
   * Called once after every optimiser step, outside the gradient collector, with the step's
   * context: for updates that are not gradient steps (an EMA target network, a queue of keys).
   * Anything it changes that must survive a resume belongs in {@link #state}.
   */
  default void afterStep(StepContext ctx) {}

  /**
   * Arrays outside the block that must survive a checkpoint (for example moving class centres).
   * Keys are stable names; the trainer saves them and writes them back in place on resume.
   */
  default Map<String, NDArray> state() {
    return Map.of();
  }
}
