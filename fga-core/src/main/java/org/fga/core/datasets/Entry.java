package org.fga.core.datasets;

import java.nio.file.Path;
import java.util.List;
import org.fga.core.data.Box;

/**
 * One image of a dataset before decoding: its file and annotations. Fields a dataset lacks are
 * {@code null} or -1, as in {@link org.fga.core.data.Sample}.
 *
 * @param image the image file
 * @param id stable name, the path relative to the root
 * @param label class or training-identity index, or -1
 * @param labels class indices for multi-label data, or null
 * @param boxes object boxes in the image's pixels (inclusive), or null
 * @param mask file of the object mask or label map, or null
 * @param maskKind how to read {@code mask}
 * @param identity re-ID identity as named by the dataset, or -1
 * @param camera re-ID camera, or -1
 */
public record Entry(
    Path image,
    String id,
    int label,
    int[] labels,
    List<Box> boxes,
    Path mask,
    MaskKind maskKind,
    int identity,
    int camera) {

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
    return new Entry(image, id, label, null, boxes, null, null, -1, -1);
  }

  public Entry withMask(Path file, MaskKind kind) {
    return new Entry(image, id, label, labels, boxes, file, kind, identity, camera);
  }
}
