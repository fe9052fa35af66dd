package org.fga.core.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.fga.core.data.Box;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.Mask;
import org.fga.core.data.Sample;
import org.fga.core.data.Task;
import org.fga.core.method.Batch;

/**
 * A batch assembled on the Java heap by loader threads; {@link #toBatch} moves it to the engine on
 * the training thread.
 */
public record HostBatch(
    int[] indices,
    List<Sample> samples,
    float[] images,
    int size,
    long[] labels,
    float[] targets,
    float[] masks,
    float[] hasMask,
    float[][] views) {

  /** Adds the pixels of further views (view 0 is {@code images}), normalised as the images. */
  HostBatch withViews(List<List<Sample>> viewSamples, float[] mean, float[] std) {
    Sample first = samples.get(0);
    int c = first.image().channels();
    int h = first.image().height();
    int w = first.image().width();
    float[][] v = new float[viewSamples.size()][];
    v[0] = images;
    for (int k = 1; k < v.length; k++) {
      List<Sample> view = viewSamples.get(k);
      v[k] = new float[view.size() * c * h * w];
      for (int i = 0; i < view.size(); i++) {
        // toBatch stacks every view in the images' shape
        normaliseInto(v[k], i, view.get(i), c, h, w, mean, std, "pipeline.views");
      }
    }
    return new HostBatch(indices, samples, images, size, labels, targets, masks, hasMask, v);
  }

  /**
   * Writes sample {@code s}'s pixels, normalised by mean/std, as image {@code i} of {@code out},
   * refusing in one line a sample whose size is not the batch's {@code c×h×w}.
   */
  private static void normaliseInto(
      float[] out, int i, Sample s, int c, int h, int w, float[] mean, float[] std, String pipeline) {
    if (s.image().height() != h || s.image().width() != w || s.image().channels() != c) {
      throw new org.fga.core.error.FgaUserException(
          "sample " + s.id() + " is " + s.image().channels() + "x" + s.image().height() + "x"
              + s.image().width() + " after the pipeline but the batch is " + c + "x" + h + "x"
              + w + ": end " + pipeline + " with a step that fixes the size"
              + " (resize with size: [H, W], randomCrop, centerCrop, randomResizedCrop)");
    }
    int plane = h * w;
    float[] src = s.image().data();
    for (int ch = 0; ch < c; ch++) {
      float m = mean[ch];
      float inv = 1f / std[ch];
      int off = (i * c + ch) * plane;
      for (int k = 0; k < plane; k++) {
        out[off + k] = (src[ch * plane + k] - m) * inv;
      }
    }
  }

  /** Normalises images by mean/std and gathers labels, targets and masks. */
  static HostBatch assemble(int[] indices, List<Sample> samples, DatasetInfo info, float[] mean, float[] std) {
    int n = samples.size();
    Sample first = samples.get(0);
    int c = first.image().channels();
    int h = first.image().height();
    int w = first.image().width();
    int plane = h * w;
    float[] images = new float[n * c * plane];
    float[] masks = new float[n * plane];
    float[] hasMask = new float[n];
    long[] labels = info.task() == Task.MULTILABEL ? null : new long[n];
    float[] targets = info.task() == Task.MULTILABEL ? new float[n * info.numClasses()] : null;
    for (int i = 0; i < n; i++) {
      Sample s = samples.get(i);
      normaliseInto(images, i, s, c, h, w, mean, std, "pipeline.train and pipeline.test");
      if (labels != null) {
        labels[i] = s.label();
      } else if (s.labels() != null) {
        for (int l : s.labels()) {
          targets[i * info.numClasses() + l] = 1f;
        }
      }
      Mask mask = objectMask(s, h, w);
      if (mask != null) {
        hasMask[i] = 1f;
        byte[] d = mask.data();
        for (int k = 0; k < plane; k++) {
          int v = d[k] & 0xFF;
          masks[i * plane + k] = v != 0 && v != Mask.IGNORE ? 1f : 0f;
        }
      }
    }
    return new HostBatch(indices, samples, images, n, labels, targets, masks, hasMask, null);
  }

  /** The object mask of a sample: its mask if it has one, else its boxes filled, else null. */
  static Mask objectMask(Sample s, int h, int w) {
    if (s.objectMask() != null && s.objectMask().height() == h && s.objectMask().width() == w) {
      return s.objectMask();
    }
    List<Box> boxes = s.boxes();
    if (boxes != null && !boxes.isEmpty()) {
      return Mask.ofBoxes(h, w, boxes);
    }
    return null;
  }

  /** Samples {@code [from, to)} of this batch, for one data-parallel shard. */
  HostBatch slice(int from, int to) {
    int n = to - from;
    int plane = masks.length / size;
    int image = images.length / size;
    return new HostBatch(
        java.util.Arrays.copyOfRange(indices, from, to),
        List.copyOf(samples.subList(from, to)),
        java.util.Arrays.copyOfRange(images, from * image, to * image),
        n,
        labels == null ? null : java.util.Arrays.copyOfRange(labels, from, to),
        targets == null ? null : java.util.Arrays.copyOfRange(targets, from * (targets.length / size), to * (targets.length / size)),
        java.util.Arrays.copyOfRange(masks, from * plane, to * plane),
        java.util.Arrays.copyOfRange(hasMask, from, to),
        views == null ? null : java.util.Arrays.stream(views)
            .map(v -> java.util.Arrays.copyOfRange(v, from * image, to * image)).toArray(float[][]::new));
  }

  /** Moves the batch to the engine, into arrays owned by {@code m}. */
  public Batch toBatch(NDManager m) {
    Sample first = samples.get(0);
    int c = first.image().channels();
    int h = first.image().height();
    int w = first.image().width();
    return new Batch(
        m.create(images, new Shape(size, c, h, w)),
        labels == null ? null : m.create(labels),
        targets == null ? null : m.create(targets, new Shape(size, targets.length / size)),
        m.create(masks, new Shape(size, 1, h, w)),
        m.create(hasMask),
        indices,
        samples,
        views == null ? null : viewArrays(m, c, h, w));
  }

  private List<ai.djl.ndarray.NDArray> viewArrays(NDManager m, int c, int h, int w) {
    List<ai.djl.ndarray.NDArray> out = new java.util.ArrayList<>(views.length);
    for (float[] v : views) {
      out.add(m.create(v, new Shape(size, c, h, w)));
    }
    return out;
  }
}
