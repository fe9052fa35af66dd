package org.fga.core.data;

import java.util.List;

/**
 * One image and every annotation its dataset has. Fields a dataset does not provide are {@code
 * null} (objects) or {@code -1} (ids).
 *
 * @param id a stable name, e.g. the file path relative to the dataset root
 * @param image the pixels
 * @param label the class index for single-label tasks, the identity index for re-ID, else -1
 * @param labels the class indices present, for multi-label tasks (else {@code null})
 * @param boxes object boxes (inclusive pixel coordinates), or {@code null}
 * @param keypoints named part locations (CUB's 15 bird parts), in the dataset's part order, hidden
 *     parts included but flagged; or {@code null}
 * @param objectMask binary object mask, or a segmentation map (class ids, 255 ignore), or null
 * @param partMask binary mask of the discriminative part, or {@code null}
 * @param identity re-ID identity as named by the dataset, or -1
 * @param camera re-ID camera id, or -1
 */
public record Sample(
    String id,
    FloatImage image,
    int label,
    int[] labels,
    List<Box> boxes,
    List<Keypoint> keypoints,
    Mask objectMask,
    Mask partMask,
    int identity,
    int camera) {

  /** A single-label sample with nothing else. */
  public static Sample classification(String id, FloatImage image, int label) {
    return new Sample(id, image, label, null, null, null, null, null, -1, -1);
  }

  public Sample withImage(FloatImage newImage) {
    return new Sample(
        id, newImage, label, labels, boxes, keypoints, objectMask, partMask, identity, camera);
  }
}
