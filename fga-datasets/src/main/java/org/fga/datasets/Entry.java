package org.fga.datasets;

import java.nio.file.Path;
import java.util.List;
import org.fga.core.data.Box;
import org.fga.core.data.Keypoint;

/**
 * One image of a dataset before decoding: its file and annotations. Fields a dataset lacks are
 * {@code null} or -1, as in {@link org.fga.core.data.Sample}.
 *
 * @param image the image file
 * @param id stable name, the path relative to the root
 * @param label class or training-identity index, or -1
 * @param labels class indices for multi-label data, or null
 * @param boxes object boxes in the image's pixels (inclusive), or null
 * @param keypoints named part locations in the image's pixels, or null
 * @param mask file of the object mask or label map, or null
 * @param maskKind how to read {@code mask}
 * @param identity re-ID identity as named by the dataset, or -1
 * @param camera re-ID camera, or -1
 * @param cropBottom rows cut off the bottom of the decoded image before anything else sees it
 *     (FGVC-Aircraft's copyright banner), 0 for none; annotations are in the uncut image's pixels
 *     and are clipped to what is left
 */
public record Entry(
    Path image,
    String id,
    int label,
    int[] labels,
    List<Box> boxes,
    List<Keypoint> keypoints,
    Path mask,
    MaskKind maskKind,
    int identity,
    int camera,
    int cropBottom) {
  public Entry {
    if (cropBottom < 0) {
      throw new IllegalArgumentException("cropBottom must be >= 0, got " + cropBottom);
    }
  }

  /** How a mask file is turned into a {@link org.fga.core.data.Mask}. */
  public enum MaskKind {
    /** Grey image thresholded at half (CUB's soft segmentations). */
    BINARY,
    /** Palette or grey PNG whose indices are class ids, 255 = ignore (VOC). */
    INDICES,
    /** SBD's MATLAB file: the {@code Segmentation} label map of the {@code GTcls} struct. */
    SBD_MAT
  }

  public static Entry classification(Path image, String id, int label, List<Box> boxes) {
    return new Entry(image, id, label, null, boxes, null, null, null, -1, -1, 0);
  }

  public Entry withMask(Path file, MaskKind kind) {
    return new Entry(
        image, id, label, labels, boxes, keypoints, file, kind, identity, camera, cropBottom);
  }

  public Entry withKeypoints(List<Keypoint> points) {
    return new Entry(
        image, id, label, labels, boxes, points, mask, maskKind, identity, camera, cropBottom);
  }

  public Entry withCropBottom(int rows) {
    return new Entry(
        image, id, label, labels, boxes, keypoints, mask, maskKind, identity, camera, rows);
  }
}
