package org.fga.core.metric;

import java.util.List;
import org.fga.core.data.Box;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.Mask;

/**
 * What the evaluator collected on one split, in dataset order. Fields nobody asked for are null.
 *
 * @param info the dataset
 * @param ids sample ids
 * @param labels class per sample; for re-ID the identity (query and gallery samples have no
 *     class); -1 when the task is multi-label
 * @param multiLabels classes present per sample, for multi-label data
 * @param logits N×C scores
 * @param embeddings N×D features: {@code Method.features}, what frozen-feature evaluations see
 * @param maps N×H×W attention maps of the ground-truth class, resized to the image
 * @param boxes ground-truth boxes per sample
 * @param masks ground-truth object (or segmentation) masks per sample
 * @param cameras camera id per sample (re-ID), else null
 * @param heldOut the same outputs on the held-out split, or null
 * @param gallery for re-ID: the gallery split (this object then holds the queries), else null
 */
public record EvalOutputs(
    DatasetInfo info,
    List<String> ids,
    int[] labels,
    int[][] multiLabels,
    float[][] logits,
    float[][] embeddings,
    float[][][] maps,
    List<List<Box>> boxes,
    List<Mask> masks,
    int[] cameras,
    EvalOutputs heldOut,
    EvalOutputs gallery) {

  public int size() {
    return ids.size();
  }

  /** These outputs as the queries of a re-ID evaluation against {@code g}. */
  public EvalOutputs withGallery(EvalOutputs g) {
    return new EvalOutputs(info, ids, labels, multiLabels, logits, embeddings, maps, boxes, masks,
        cameras, heldOut, g);
  }
}
