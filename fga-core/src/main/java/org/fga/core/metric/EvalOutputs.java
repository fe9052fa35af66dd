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
 * @param classMaps per sample, the map of every class present ({@code multiLabels[i]} in order,
 *     or the one {@code labels[i]}), each H×W at the image's size; null unless asked for
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
    float[][][][] classMaps,
    List<List<Box>> boxes,
    List<Mask> masks,
    int[] cameras,
    EvalOutputs heldOut,
    EvalOutputs gallery) {

  /** Outputs without the maps of every present class. */
  public EvalOutputs(DatasetInfo info, List<String> ids, int[] labels, int[][] multiLabels, float[][] logits,
      float[][] embeddings, float[][][] maps, List<List<Box>> boxes, List<Mask> masks, int[] cameras,
      EvalOutputs heldOut, EvalOutputs gallery) {
    this(info, ids, labels, multiLabels, logits, embeddings, maps, null, boxes, masks, cameras, heldOut, gallery);
  }

  /** The classes present in sample {@code i}: its labels, or its one label. */
  public int[] presentClasses(int i) {
    int[] m = multiLabels == null ? null : multiLabels[i];
    return m != null && m.length > 0 ? m : new int[] {labels[i]};
  }

  public int size() {
    return ids.size();
  }

  /** These outputs as the queries of a re-ID evaluation against {@code g}. */
  public EvalOutputs withGallery(EvalOutputs g) {
    return new EvalOutputs(info, ids, labels, multiLabels, logits, embeddings, maps, classMaps, boxes,
        masks, cameras, heldOut, g);
  }
}
