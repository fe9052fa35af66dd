package org.fga.datasets.reid;

import org.fga.datasets.DiskDataConfig;

/** The {@code data:} block of a re-ID set: every such set has the same keys. */
public interface ReidConfig extends DiskDataConfig {
  /** Images are resized to height × width; re-ID uses 256 × 128 for people. */
  int height();

  int width();

  @Override
  default int imageSize() {
    return height();
  }

  /** torchreid's: squash to height × width, flip, pad 10 and crop back, random erasing. */
  @Override
  default org.fga.core.data.pipeline.PipelineSpec defaultPipeline() {
    return org.fga.core.data.pipeline.steps.DefaultPipelines.reid(height(), width());
  }

  /** Fills defaults: 256 × 128 (people) unless given, or the given vehicle default. */
  static int[] size(
      String dataset, String root, int height, int width, int defaultHeight, int defaultWidth) {
    if (root == null || root.isBlank()) {
      throw new IllegalArgumentException("data.root is required for " + dataset);
    }
    int h = height == 0 ? defaultHeight : height;
    int w = width == 0 ? defaultWidth : width;
    if (h < 0 || w < 0) {
      throw new IllegalArgumentException(
          "data.height and data.width must be positive, got " + h + "x" + w);
    }
    return new int[] {h, w};
  }
}
