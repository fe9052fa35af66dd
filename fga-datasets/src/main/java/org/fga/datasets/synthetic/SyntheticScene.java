package org.fga.datasets.synthetic;

import java.util.ArrayList;
import java.util.List;
import org.fga.core.data.Box;
import org.fga.core.data.FloatImage;
import org.fga.core.data.Keypoint;
import org.fga.core.data.Mask;

/**
 * One generated image with everything the generator knows about it: richer than a {@link
 * org.fga.core.data.Sample} (instance map, per-object classes, backdrop), which is what the on-disk
 * layout writers need.
 *
 * @param image the pixels
 * @param instances 0 for background, else 1 + the index into {@code classes} of the visible object
 * @param parts 1 on visible discriminative-part pixels
 * @param classes class of each object, in painting order (back to front)
 * @param boxes bounding box of each object's visible pixels, parallel to {@code classes}
 * @param backdrop the background kind
 * @param identity re-ID identity (1-based, as a file name would carry it), or -1
 * @param camera re-ID camera (1-based), or -1
 * @param keypoints the parts of a single-object scene's creature ({@link
 *     SyntheticGenerator#PART_NAMES}), or null for multi-object scenes
 */
public record SyntheticScene(
    FloatImage image,
    Mask instances,
    Mask parts,
    int[] classes,
    List<Box> boxes,
    int backdrop,
    int identity,
    int camera,
    List<Keypoint> keypoints) {

  /**
   * The scene scaled to height × width (pixels bilinear, masks nearest, boxes and keypoints
   * mapped), as a photo of another size would show it.
   */
  public SyntheticScene resized(int height, int width) {
    org.fga.core.data.Sample as =
        new org.fga.core.data.Sample(
            "scene", image, -1, null, boxes, keypoints, instances, parts, identity, camera);
    org.fga.core.data.Sample r =
        org.fga.core.data.transform.Regions.crop(
            as, 0, 0, image.width(), image.height(), height, width);
    return new SyntheticScene(
        r.image(), r.objectMask(), r.partMask(), classes, r.boxes(), backdrop, identity, camera,
        r.keypoints());
  }

  /** Reads the visible objects off a painted canvas; objects hidden entirely are dropped. */
  static SyntheticScene of(
      Canvas canvas,
      int[] painted,
      int backdrop,
      int identity,
      int camera,
      List<Keypoint> keypoints) {
    int n = canvas.size;
    int k = painted.length;
    int[] x0 = new int[k];
    int[] y0 = new int[k];
    int[] x1 = new int[k];
    int[] y1 = new int[k];
    java.util.Arrays.fill(x0, Integer.MAX_VALUE);
    java.util.Arrays.fill(y0, Integer.MAX_VALUE);
    java.util.Arrays.fill(x1, -1);
    java.util.Arrays.fill(y1, -1);
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        int id = canvas.object[y * n + x];
        if (id > 0) {
          int o = id - 1;
          x0[o] = Math.min(x0[o], x);
          y0[o] = Math.min(y0[o], y);
          x1[o] = Math.max(x1[o], x);
          y1[o] = Math.max(y1[o], y);
        }
      }
    }
    int[] remap = new int[k + 1];
    List<Box> boxes = new ArrayList<>(k);
    int[] classes = new int[k];
    int kept = 0;
    for (int o = 0; o < k; o++) {
      if (x1[o] >= 0) {
        classes[kept] = painted[o];
        boxes.add(new Box(x0[o], y0[o], x1[o], y1[o]));
        remap[o + 1] = ++kept;
      }
    }
    byte[] inst = canvas.object;
    if (kept != k) {
      for (int p = 0; p < inst.length; p++) {
        inst[p] = (byte) remap[inst[p]];
      }
    }
    return new SyntheticScene(
        new FloatImage(3, n, n, canvas.rgb),
        new Mask(n, n, inst),
        new Mask(n, n, canvas.part),
        java.util.Arrays.copyOf(classes, kept),
        List.copyOf(boxes),
        backdrop,
        identity,
        camera,
        keypoints);
  }

  /** Binary mask of every visible object. */
  public Mask objectMask() {
    byte[] src = instances.data();
    byte[] out = new byte[src.length];
    for (int p = 0; p < src.length; p++) {
      out[p] = src[p] != 0 ? (byte) 1 : 0;
    }
    return new Mask(instances.height(), instances.width(), out);
  }

  /** Segmentation map in the VOC convention: 0 background, 1 + class on object pixels. */
  public Mask classMap() {
    byte[] src = instances.data();
    byte[] out = new byte[src.length];
    for (int p = 0; p < src.length; p++) {
      int id = src[p] & 0xFF;
      out[p] = id == 0 ? 0 : (byte) (classes[id - 1] + 1);
    }
    return new Mask(instances.height(), instances.width(), out);
  }
}
