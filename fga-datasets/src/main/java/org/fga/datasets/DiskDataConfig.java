package org.fga.datasets;

import org.fga.core.data.provider.DataConfig;

/** The {@code data:} block of a dataset read from disk. */
public interface DiskDataConfig extends DataConfig {
  /** The dataset's root folder, as it was unpacked. */
  String root();

  /**
   * Whether an unreadable image is skipped (logged, counted, replaced by the next good sample)
   * instead of failing the run.
   */
  boolean skipCorrupt();

  /** Validation shared by the config records: a root is required. */
  static void requireRoot(String root, String dataset) {
    if (root == null || root.isBlank()) {
      throw new IllegalArgumentException("data.root is required for " + dataset);
    }
  }

  /** {@code imageSize} with 0 (missing) meaning {@code fallback}; negative sizes are rejected. */
  static int imageSizeOr(int imageSize, int fallback) {
    if (imageSize < 0) {
      throw new IllegalArgumentException("data.imageSize must be positive, got " + imageSize);
    }
    return imageSize == 0 ? fallback : imageSize;
  }
}
